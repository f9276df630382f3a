import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { AxeResults, RunOptions } from "axe-core";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AssessmentReport } from "../../src/model/report.js";
import { formatHtml } from "../../src/report/html.js";
import { EXAMPLES, exampleReport } from "../helpers/examples.js";

const ARTIFACTS = resolve("tests/artifacts");
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
const AXE_SOURCE = readFileSync(join(dirname(createRequire(import.meta.url).resolve("axe-core")), "axe.min.js"), "utf8");

/** The example assessed with its reviews and waivers files, when it has them. */
function reportFor(_name: string, file: string): AssessmentReport {
  return exampleReport(file.replace(/^examples\//, ""));
}

function writeArtifact(folder: string, name: string, content: string | Buffer): string {
  mkdirSync(join(ARTIFACTS, folder), { recursive: true });
  const path = join(ARTIFACTS, folder, name);
  writeFileSync(path, content);
  return path;
}

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
});
afterAll(async () => {
  await browser?.close();
});

interface Opened {
  context: BrowserContext;
  page: Page;
  /** Every request that was not for a local file or inline data; the page must make none. */
  remote: string[];
}

/**
 * Opens a page from disk with the network cut off. `bypassCSP` lets us inject axe; it also means the
 * page's own Content-Security-Policy cannot hide a remote reference from the request log.
 */
async function openFile(path: string, options: { bypassCSP: boolean } = { bypassCSP: true }): Promise<Opened> {
  const context = await browser.newContext({ bypassCSP: options.bypassCSP, viewport: { width: 1280, height: 900 }, serviceWorkers: "block" });
  const remote: string[] = [];
  const local = (url: string) => url.startsWith("file:") || url.startsWith("data:");
  context.on("request", (request) => {
    if (!local(request.url())) remote.push(request.url());
  });
  await context.route("**/*", (route) => (local(route.request().url()) ? route.continue() : route.abort("blockedbyclient")));
  const page = await context.newPage();
  await page.goto(pathToFileURL(path).href, { waitUntil: "load" });
  return { context, page, remote };
}

type Violation = { id: string; impact: string | null | undefined; help: string; targets: string[] };

async function runAxe(page: Page): Promise<{ violations: Violation[]; incomplete: string[] }> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const results = await page.evaluate(async (values) => {
    // tsconfig has no DOM library (the core must not use one), so the page's globals are typed here.
    const { axe, document } = globalThis as unknown as { axe: { run(context: unknown, options: RunOptions): Promise<AxeResults> }; document: unknown };
    return axe.run(document, { runOnly: { type: "tag", values } });
  }, AXE_TAGS);
  return {
    violations: results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) })),
    incomplete: results.incomplete.map((v) => `${v.id} (${v.nodes.length})`),
  };
}

/** A computed style, read without DOM types: tsconfig has no DOM library. */
function computed(page: Page, selector: string, property: string): Promise<string> {
  return page
    .locator(selector)
    .first()
    .evaluate((el, name) => el.ownerDocument.defaultView.getComputedStyle(el).getPropertyValue(name), property);
}

describe.each(EXAMPLES)("HTML report for $name in Chromium", ({ name, file }) => {
  it("passes axe, loads nothing remote, and is screenshotted", async () => {
    const path = writeArtifact("html", `${name}.html`, formatHtml(reportFor(name, file)));
    const { context, page, remote } = await openFile(path);
    try {
      const { violations, incomplete } = await runAxe(page);
      writeArtifact("axe", `${name}.json`, `${JSON.stringify({ violations, incomplete }, null, 2)}\n`);
      const listed = violations.map((v) => `${v.id} [${v.impact}] ${v.help}: ${v.targets.join(", ")}`).join("\n");
      expect(violations, `axe violations in ${name}:\n${listed}`).toEqual([]);

      // The first Tab must reach a visible skip link.
      await page.keyboard.press("Tab");
      const focused = page.locator(":focus");
      const box = await focused.boundingBox();
      expect(await focused.textContent()).toBe("Skip to main content");
      expect(box !== null && box.x >= 0 && box.width > 0).toBe(true);
      await focused.blur();

      writeArtifact("screenshots", `${name}.png`, await page.screenshot({ fullPage: true }));
      expect(remote).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe("print", () => {
  it("renders for print with page breaks between principles and no header background", async () => {
    const example = EXAMPLES[0]!;
    const report = reportFor(example.name, example.file);
    const path = writeArtifact("html", `${example.name}.html`, formatHtml(report));
    const { context, page, remote } = await openFile(path);
    try {
      await page.emulateMedia({ media: "print" });
      expect(await computed(page, ".site-header", "background-color")).toBe("rgba(0, 0, 0, 0)");
      expect(await computed(page, ".principle", "break-before")).toBe("page");
      expect(await computed(page, ".skip-link", "display")).toBe("none");
      expect((await page.locator("main").boundingBox())?.height).toBeGreaterThan(1000);
      expect(await page.locator("section.principle").count()).toBe(report.principles.length);
      writeArtifact("screenshots", `${example.name}.print.png`, await page.screenshot({ fullPage: true }));
      const pdf = await page.pdf({ format: "A4", printBackground: false });
      writeArtifact("html", `${example.name}.pdf`, pdf);
      // One page at least per principle, since each starts a new page.
      const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
      expect(pages).toBeGreaterThan(report.principles.length);
      expect(remote).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe("hostile text", () => {
  it("runs no script and adds no element, even with the page's own policy switched off", async () => {
    const example = EXAMPLES[0]!;
    const report = reportFor(example.name, example.file);
    const payload = `<script>window.__pwned=1;alert(1)</script><img src=x onerror="window.__pwned=2">"'&`;
    const hostile: AssessmentReport = {
      ...report,
      proposal: { ...report.proposal, title: `${report.proposal.title}${payload}`, sponsor: payload },
      principles: report.principles.map((p) => ({ ...p, title: `${p.title}${payload}`, wording: payload, strengths: [payload] })),
      gaps: report.gaps.map((g) => ({ ...g, missing: [payload], recommendation: payload, pointer: `/x${payload}` })),
    };
    const path = writeArtifact("html", "hostile.html", formatHtml(hostile));
    const { context, page, remote } = await openFile(path);
    try {
      const dialogs: string[] = [];
      page.on("dialog", (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.reload({ waitUntil: "load" });
      expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned ?? 0)).toBe(0);
      expect(await page.locator("script, img").count()).toBe(0);
      expect(dialogs).toEqual([]);
      expect(await page.locator("h1").textContent()).toBe(hostile.proposal.title);
      expect((await page.title()).startsWith(hostile.proposal.title)).toBe(true);
      expect(remote).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
