import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeDir } from "../security/sandbox.js";
import { LspClient } from "./lsp-client.js";

// Editors: the real yaml-language-server (what VS Code's YAML extension runs), driven headless over
// the Language Server Protocol, finds the published schema through an example's `$schema` modeline
// (a relative path, with no schema configured and the schema store off, so nothing is fetched),
// completes the proposal's section names and flags a misspelt field.

const SERVER = resolve("node_modules/yaml-language-server/bin/yaml-language-server");
const SETTINGS = { yaml: { schemas: {}, validate: true, completion: true, hover: true, schemaStore: { enable: false }, format: { enable: false } } };

const root = makeDir("senate-editor-");
cpSync("schemas", join(root, "schemas"), { recursive: true });
mkdirSync(join(root, "examples"));

let client: LspClient;

/** Opens a document (written to disk too, as an editor would have it) and returns its URI. */
function open(name: string, text: string): string {
  const path = join(root, "examples", name);
  writeFileSync(path, text);
  const uri = pathToFileURL(path).href;
  client.notify("textDocument/didOpen", { textDocument: { uri, languageId: "yaml", version: 1, text } });
  return uri;
}

interface Diagnostic {
  range: { start: { line: number; character: number } };
  message: string;
}

/** Diagnostics published for `uri` that satisfy `accept`. */
function diagnosticsFor(uri: string, accept: (d: Diagnostic[]) => boolean, timeoutMs = 60_000) {
  return client.waitFor(
    "textDocument/publishDiagnostics",
    (p) => {
      const params = p as { uri?: string; diagnostics?: Diagnostic[] } | undefined;
      return params?.uri === uri && accept(params.diagnostics ?? []);
    },
    timeoutMs,
  ) as unknown as Promise<{ diagnostics: Diagnostic[] }>;
}

beforeAll(async () => {
  client = new LspClient(process.execPath, [SERVER, "--stdio"], (method, params) => {
    if (method === "workspace/configuration") {
      const items = (params as { items?: { section?: string }[] } | undefined)?.items ?? [];
      return items.map((item) => (item.section === "yaml" ? SETTINGS.yaml : item.section?.startsWith("yaml.") ? null : {}));
    }
    return null; // client/registerCapability, window/workDoneProgress/create
  });
  await client.request("initialize", {
    processId: process.pid,
    rootUri: pathToFileURL(root).href,
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: "senate" }],
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
      textDocument: {
        completion: { completionItem: { snippetSupport: true, documentationFormat: ["markdown", "plaintext"] } },
        publishDiagnostics: { relatedInformation: false },
        synchronization: { dynamicRegistration: false },
      },
    },
    initializationOptions: {},
  });
  client.notify("initialized", {});
  client.notify("workspace/didChangeConfiguration", { settings: SETTINGS });
}, 180_000);

afterAll(async () => {
  await client?.close();
  rmSync(root, { recursive: true, force: true });
});

describe("yaml-language-server with the published proposal schema", () => {
  it("completes the proposal's section names at the top level", async () => {
    const lines = readFileSync("examples/minor-injuries-overnight.yaml", "utf8").split("\n");
    expect(lines[0]).toMatch(/^# yaml-language-server: \$schema=\.\.\/schemas\/proposal\.schema\.json/);
    // A blank top-level line just before `options:`, where the cursor asks what may come next.
    const at = lines.indexOf("options:");
    if (lines[at - 1] !== "") lines.splice(at, 0, "");
    const line = lines[at - 1] === "" ? at - 1 : at;
    const uri = open("minor-injuries-overnight.yaml", lines.join("\n"));
    // The document is valid: once the schema is loaded, its diagnostics are empty.
    await diagnosticsFor(uri, (d) => d.length === 0);
    const result = await client.request<{ items: { label: string }[] } | { label: string }[]>("textDocument/completion", {
      textDocument: { uri },
      position: { line, character: 0 },
    });
    const labels = (Array.isArray(result) ? result : result.items).map((i) => i.label);
    expect(labels).toEqual(expect.arrayContaining(["equality", "sustainability", "mentalHealth", "selfCare", "outcomes", "quality"]));
    // Sections already in the document are not offered again.
    expect(labels).not.toContain("metadata");
  }, 180_000);

  it("reports a misspelt field on its line", async () => {
    const text = readFileSync("examples/minor-injuries-overnight.yaml", "utf8").replace(/^population:/m, "populaton:");
    const line = text.split("\n").indexOf("populaton:");
    expect(line).toBeGreaterThan(0);
    const uri = open("misspelt.yaml", text);
    const { diagnostics } = await diagnosticsFor(uri, (d) => d.some((x) => x.range.start.line === line));
    const onLine = diagnostics.filter((d) => d.range.start.line === line);
    expect(onLine.map((d) => d.message).join("\n")).toMatch(/populaton/);
  }, 180_000);
});
