import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

// A programme repository as a team would keep one: proposals in folders by region, each with its own
// reviews or waivers beside it where a panel has sat, a senate.config.yaml, a .senateignore for drafts,
// and a .git folder so the configuration search stops at its root. Each proposal is one of the four
// examples under its own id, so a baseline can tell them apart.

const EXAMPLES = [
  { file: "stroke-hasu.yaml", id: "NRV-STROKE-2025", reviews: "stroke-hasu.reviews.yaml" },
  { file: "outpatient-virtual.yaml", id: "STH-OPFU-2025", waivers: "outpatient-virtual.waivers.yaml" },
  { file: "minor-injuries-overnight.yaml", id: "WMH-MIU-2025" },
  { file: "maternity-unit.md", id: "FWM-MATERNITY-2025" },
] as const;

export const REGIONS = ["north", "south", "east", "west"] as const;
/** Proposals per region: 4 regions × 8 = 32. */
export const PER_REGION = 8;

function example(name: string): string {
  return readFileSync(join("examples", name), "utf8");
}

function write(root: string, path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

/** One proposal, under a new id, with its companion (its reviews or waivers, renamed to pair). */
function addProposal(root: string, region: string, n: number): string {
  const ex = EXAMPLES[n % EXAMPLES.length] ?? EXAMPLES[0];
  const id = `${ex.id}-${region.toUpperCase()}-${n}`;
  const ext = ex.file.endsWith(".md") ? "md" : "yaml";
  const stem = `proposals/${region}/p${String(n).padStart(2, "0")}`;
  write(
    root,
    `${stem}.${ext}`,
    example(ex.file)
      .replace(`id: ${ex.id}`, `id: ${id}`)
      .replace(/^\$schema: .*$/m, ""),
  );
  if ("reviews" in ex)
    write(
      root,
      `${stem}.reviews.yaml`,
      example(ex.reviews)
        .replace(`proposal: ${ex.id}`, `proposal: ${id}`)
        .replace(/^\$schema: .*$/m, ""),
    );
  if ("waivers" in ex) write(root, `${stem}.waivers.yaml`, example(ex.waivers).replace(/^\$schema: .*$/m, ""));
  return `${stem}.${ext}`;
}

/** Builds the repository in a new temporary folder and returns its path and its proposals. */
export function buildProgramme(): { root: string; proposals: string[] } {
  const root = mkdtempSync(join(tmpdir(), "senate-programme-"));
  write(root, ".git/HEAD", "ref: refs/heads/main\n");
  const proposals = REGIONS.flatMap((region, r) => Array.from({ length: PER_REGION }, (_, i) => addProposal(root, region, r * PER_REGION + i)));
  write(root, "proposals/drafts/half-written.yaml", "schemaVersion: '1'\nmetadata: {}\n");
  write(root, ".senateignore", "# work in progress is not assessed\ndrafts/\n");
  write(
    root,
    "senate.config.yaml",
    [
      "# The programme's senate settings: what to assess, against what, and the gate.",
      "inputs: [proposals]",
      "frameworks: [london-2020]",
      "output: reports/senate.sarif",
      "",
    ].join("\n"),
  );
  return { root, proposals };
}

/** Adds a proposal that is not in the baseline. */
export function addNewProposal(root: string): string {
  return addProposal(root, "new", 99);
}

/** Adds a proposal that is not valid (a title that is a number, no case for change). */
export function addInvalidProposal(root: string): string {
  write(root, "proposals/south/broken.yaml", 'schemaVersion: "1"\nmetadata:\n  id: BROKEN-1\n  title: 7\n');
  return "proposals/south/broken.yaml";
}
