import { rmSync } from "node:fs";
import { createRequire, syncBuiltinESMExports } from "node:module";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assess } from "../../src/assess/assess.js";
import { builtinFramework } from "../../src/framework/builtin.js";
import { type LoadedFramework, loadFramework } from "../../src/framework/load.js";
import { parseReviews, parseWaivers } from "../../src/proposal/documents.js";
import { parseProposal } from "../../src/proposal/parse.js";
import { FORMATS, formatReport } from "../../src/report/format.js";
import { edit, FRAMEWORK, PROPOSAL, REVIEWS, WAIVERS, withCheck } from "../hostile/documents.js";
import { CANARIES, EVIL_MODULES, Listener, type MonitoredRun, makeDir, markers, monitored, unexpectedLoads, unexpectedReads, writeFiles } from "./sandbox.js";

// Nothing runs that a document says: whatever a proposal, reviews, waivers or framework file holds,
// the CLI reads only the files named on its command line, loads no module, starts no process and
// makes no network connection; YAML tags that would build code are rejected; and JSON Schema
// fragments (which Ajv compiles to code) cannot inject any.

const listener = new Listener();
const dir = makeDir("senate-security-");
const outside = makeDir("senate-outside-");

beforeAll(async () => {
  await listener.start();
  const url = (path: string) => listener.url(path);
  const links = `evidence:
  - { id: E1, type: research, title: A study, link: "${url("/evidence")}" }
  - { id: E2, type: audit, title: Local copy, link: "${url("/canary.yaml")}" }
population:
  description: "See [the study](${url("/md-link")}), ![chart](${url("/image.png")}), <img src='${url("/img")}'>, [local](./canary.yaml) and <file:///${dir}/canary.json>."
  evidence: [E1, E2]
responses:
  LDN-1:
    text: "<script src='${url("/script.js")}'></script> <iframe src='file://${dir}/canary.json'></iframe> [x](../secret/canary.md)"
    evidence: [E1]
`;
  writeFiles(dir, {
    ...CANARIES,
    ...EVIL_MODULES,
    "proposal.yaml": `# yaml-language-server: $schema=${url("/modeline.json")}\n$schema: ${url("/proposal.schema.json")}\n${PROPOSAL}${links}`,
    "proposal.md": `---\n$schema: ./evil.mjs\n${PROPOSAL}${links}---\n\n## LDN-2 Engagement\n\nSee [E1], [the canary](./canary.yaml) and ![](${url("/md-image.png")}).\n`,
    "reviews.yaml": `$schema: ${url("/reviews.schema.json")}\n${REVIEWS}`,
    "waivers.yaml": `$schema: ./canary.json\n${WAIVERS}`,
    "framework.yaml": edit(
      edit(FRAMEWORK, "  added: Everything is added.\n", `  added: Everything is added.\n  link: ${url("/source")}\n`),
      "        recommendation: Write a summary.\n",
      `        recommendation: Write a summary.\n        references:\n          - { title: Guidance, link: "${url("/guidance")}" }\n`,
    ).replace('schemaVersion: "1"\n', `$schema: ${url("/framework.schema.json")}\nschemaVersion: "1"\n`),
  });
  writeFiles(outside, CANARIES);
});

afterAll(async () => {
  await listener.stop();
  for (const d of [dir, outside]) rmSync(d, { recursive: true, force: true });
});

/** The run read nothing but `named`, wrote nothing, loaded nothing of the documents', and reached no network. */
async function expectConfined(run: MonitoredRun, named: string[]): Promise<void> {
  const context = `exit ${run.code}\n${run.stderr.slice(0, 1500)}`;
  expect(run.stderr, context).not.toMatch(/\n\s+at |internal error/);
  const log = run.log;
  if (log === undefined) throw new Error(`the monitor wrote no log\n${context}`);
  // The monitor saw a named file being read: proof that it was watching.
  expect(
    named.some((file) => log.reads.includes(file)),
    "the monitor saw a named file read",
  ).toBe(true);
  expect(unexpectedReads(log, named), `files read\n${context}`).toEqual([]);
  expect(log.lists, "folders listed").toEqual([]);
  expect(log.writes, "files written").toEqual([]);
  expect(log.connects, "network connections").toEqual([]);
  expect(log.spawns, "processes started").toEqual([]);
  expect(unexpectedLoads(log, dir), "modules loaded").toEqual([]);
  expect([...markers(dir), ...markers(outside)], "modules that ran").toEqual([]);
  await sleep(50); // a connection the process opened just before exiting would be counted by now
  expect({ connections: listener.connections, requests: listener.requests }).toEqual({ connections: 0, requests: [] });
}

const cli = (...args: string[]) => monitored(args, dir);
const path = (name: string) => join(dir, name);

describe("documents cannot read files, load modules, start processes or reach the network", () => {
  it.each(FORMATS)("a valid proposal full of links, with reviews and waivers, in %s", async (format) => {
    const named = ["proposal.yaml", "reviews.yaml", "waivers.yaml"].map(path);
    const run = await cli(
      "assess",
      named[0] as string,
      "--reviews",
      named[1] as string,
      "--waivers",
      named[2] as string,
      "--format",
      format,
      "--fail-on",
      "never",
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.length).toBeGreaterThan(100);
    await expectConfined(run, named);
  });

  it("the same proposal in Markdown, whose $schema names a module", async () => {
    const run = await cli("assess", path("proposal.md"), "--format", "json", "--fail-on", "never");
    expect(run.code, run.stderr).toBe(0);
    await expectConfined(run, [path("proposal.md")]);
  });

  it("a framework file full of links, assessed", async () => {
    const run = await cli("assess", path("proposal.yaml"), "--framework", path("framework.yaml"), "--format", "html", "--fail-on", "never");
    expect(run.code, run.stderr).toBe(0);
    await expectConfined(run, [path("proposal.yaml"), path("framework.yaml")]);
  });

  it.each([
    ["a $ref to the local server", `schema: { $ref: "LISTENER/ref.json" }`],
    ["a $ref to a local file", `schema: { $ref: "file://DIR/canary.json" }`],
    ["a relative $ref", `schema: { $ref: "canary.json#/secret" }`],
    ["an $id and $ref pair", `schema: { $id: "LISTENER/id.json", $ref: "other.json" }`],
  ])("a schema check with %s is refused, and nothing is fetched", async (_name, fragment) => {
    const text = withCheck(
      `          - kind: schema\n            path: /caseForChange\n            ${fragment.replace("LISTENER", listener.url("")).replace("DIR", dir)}\n`,
    );
    writeFiles(dir, { "framework-ref.yaml": text });
    const run = await cli("assess", path("proposal.yaml"), "--framework", path("framework-ref.yaml"));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/framework-ref\.yaml:\d+:\d+ {2}bad_check/);
    await expectConfined(run, [path("proposal.yaml"), path("framework-ref.yaml")]);
  });

  it.each([
    ["a custom check naming a module", "          - kind: x-evil\n            params: { module: ./evil.cjs, require: evil-package, import: ./evil.mjs }\n"],
    ["a check kind that is a module path", "          - kind: ./evil.cjs\n            path: /caseForChange\n"],
  ])("%s is refused and the module never loaded", async (_name, check) => {
    writeFiles(dir, { "framework-module.yaml": withCheck(check) });
    const run = await cli("assess", path("proposal.yaml"), "--framework", path("framework-module.yaml"));
    expect(run.code).toBe(2);
    await expectConfined(run, [path("proposal.yaml"), path("framework-module.yaml")]);
  });

  it.each([
    ["a module", "./evil.cjs"],
    ["a package", "evil-package"],
    ["a file outside the framework's folder", join(outside, "canary.yaml")],
    ["a relative path out of the framework's folder", `../${outside.split("/").pop()}/canary.yaml`],
    ["a URL", "LISTENER/base.yaml"],
  ])("a framework that extends %s reads, loads and fetches nothing outside its folder", async (_name, base) => {
    const text = `schemaVersion: "1"\nid: tailored\nversion: 1.0.0\ntitle: T\npublisher: P\nextends: ${base.replace("LISTENER", listener.url(""))}\n`;
    writeFiles(dir, { "framework-extends.yaml": text });
    const run = await cli("assess", path("proposal.yaml"), "--framework", path("framework-extends.yaml"));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/framework-extends\.yaml:\d+:\d+ /);
    await expectConfined(run, [path("proposal.yaml"), path("framework-extends.yaml")]);
  });

  it.each([
    ["!!js/function", "description: !!js/function \"function () { require('fs').writeFileSync('PWNED-tag', '') }\""],
    ["!!js/undefined", "description: !!js/undefined ''"],
    ["a verbatim js tag", 'description: !<tag:yaml.org,2002:js/function> "function () {}"'],
    ["!!python/object/apply", 'description: !!python/object/apply:os.system ["touch PWNED-python"]'],
    ["a %TAG shorthand", "description: !js!function 'function () {}'"],
    ["a local tag", "description: !include canary.yaml"],
  ])("a YAML tag %s is rejected as unknown_tag", async (_name, line) => {
    const directive = line.includes("!js!") ? "%TAG !js! tag:yaml.org,2002:js/\n---\n" : "";
    writeFiles(dir, { "tagged.yaml": `${directive}${PROPOSAL}population:\n  ${line}\n` });
    const run = await cli("validate", path("tagged.yaml"));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/tagged\.yaml:\d+:\d+ {2}unknown_tag/);
    await expectConfined(run, [path("tagged.yaml")]);
  });

  it("JSON Schema fragments cannot inject code into what Ajv compiles", async () => {
    const payloads = [
      `{ type: object, required: ["'); process.exit(7); ('", "\\"); process.exit(7); (\\""] }`,
      `{ type: object, properties: { "\\"]; process.exit(7); //": { const: "\`\${process.exit(7)}\`" } } }`,
      `{ enum: ["'+process.exit(7)+'", "\${process.exit(7)}"], not: { const: "*/process.exit(7)/*" } }`,
      `{ type: object, propertyNames: { not: { const: "'); process.exit(7); //" } }, dependencies: { "a'); process.exit(7); //": ["b"] } }`,
      `{ default: "process.exit(7)", title: "'); process.exit(7); //", description: "\\u0027); process.exit(7); //" }`,
    ];
    const checks = payloads.map((schema) => `          - kind: schema\n            path: /caseForChange\n            schema: ${schema}\n`).join("");
    writeFiles(dir, { "framework-inject.yaml": withCheck(checks) });
    const run = await cli("assess", path("proposal.yaml"), "--framework", path("framework-inject.yaml"), "--format", "json", "--fail-on", "never");
    expect(run.code, run.stderr).toBe(0);
    // Every fragment compiled and ran: five schema checks were evaluated.
    const report = JSON.parse(run.stdout) as { principles: { criteria: { checks: unknown[] }[] }[] };
    expect(report.principles[0]?.criteria[0]?.checks).toHaveLength(payloads.length);
    await expectConfined(run, [path("proposal.yaml"), path("framework-inject.yaml")]);
  });
});

describe("the library's parsing, assessing and formatting touch no file, network or process", () => {
  const require = createRequire(import.meta.url);
  const modules = ["node:fs", "node:net", "node:http", "node:https", "node:child_process", "node:dns"].map((id) => require(id) as Record<string, unknown>);
  const calls: string[] = [];
  const saved: [Record<string, unknown>, string, unknown][] = [];

  function trap(): void {
    for (const mod of modules) {
      for (const [name, fn] of Object.entries(mod)) {
        if (typeof fn !== "function" || /^[A-Z]/.test(name) || name === "promises") continue;
        saved.push([mod, name, fn]);
        mod[name] = (...args: unknown[]) => {
          calls.push(`${name}(${String(args[0]).slice(0, 80)})`);
          return (fn as (...a: unknown[]) => unknown)(...args);
        };
      }
    }
    syncBuiltinESMExports();
  }

  function untrap(): void {
    for (const [mod, name, fn] of saved.splice(0)) mod[name] = fn;
    syncBuiltinESMExports();
  }

  it("parseProposal, parseReviews, parseWaivers, loadFramework, assess and formatReport", () => {
    const london = builtinFramework("london-2020") as LoadedFramework;
    const proposalText = `${PROPOSAL}evidence:\n  - { id: E1, type: research, title: S, link: "http://127.0.0.1:9/x" }\npopulation: { description: "[a](./canary.yaml)", evidence: [E1] }\n`;
    const frameworkText = withCheck(
      '          - kind: schema\n            path: /caseForChange\n            schema: { type: object, required: ["summary"] }\n',
    );
    const work = () => {
      const outcomes: unknown[] = [];
      for (const text of [proposalText, `${proposalText}\t# the slow path\n`, `---\n${proposalText}---\n\n## LDN-1 P\n\n[E1] [x](./canary.yaml)\n`]) {
        const parsed = parseProposal(text, { filename: text.startsWith("---") ? "p.md" : "p.yaml" });
        const reviews = parseReviews(REVIEWS, { filename: "r.yaml" });
        const waivers = parseWaivers(WAIVERS, { filename: "w.yaml" });
        const custom = loadFramework(frameworkText, { filename: "f.yaml" });
        const extending = loadFramework(`${FRAMEWORK.split("principles:")[0]}extends: ./canary.yaml\n`, { filename: "e.yaml" });
        if (!parsed.ok || !reviews.ok || !waivers.ok || !custom.ok) throw new Error(JSON.stringify([parsed, reviews, waivers, custom]));
        for (const [framework, options] of [
          [london, { reviews: reviews.value, waivers: waivers.value, now: new Date("2026-01-01") }],
          [custom.value, {}],
        ] as const) {
          const report = assess(parsed.value, framework, options);
          if (!report.ok) throw new Error(JSON.stringify(report.issues));
          outcomes.push(...FORMATS.map((f) => formatReport(report.value, f)));
        }
        outcomes.push(extending);
      }
      return outcomes;
    };
    work(); // loads what the library loads on first use (yaml, Ajv)
    trap();
    try {
      work();
    } finally {
      untrap();
    }
    expect(calls).toEqual([]);
  });
});
