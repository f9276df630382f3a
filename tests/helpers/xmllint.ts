import { readFileSync } from "node:fs";
import { memoryPages, validateXML, type XMLFileInfo } from "xmllint-wasm";

// XML is checked with libxml2's own xmllint, compiled to WebAssembly (the xmllint-wasm dev dependency):
// the same schema validator and XPath engine as the system tool, with nothing to install beyond npm ci.
// Each call starts a worker and compiles the module (up to half a second on a busy machine), so the
// helpers batch: every document in one validation, every expression in one XPath query.

const JUNIT_XSD: XMLFileInfo = { fileName: "JUnit.xsd", contents: readFileSync(new URL("../vendor/JUnit.xsd", import.meta.url), "utf8") };
/** A cap, not a reservation: the hostile report's document runs to a few MiB. */
const MAX_MEMORY = memoryPages.GiB;

/** xmllint's stdout and stderr; a run xmllint ends with an unexpected code still yields its complaints. */
async function xmllint(files: XMLFileInfo[], args: string[]): Promise<{ stdout: string; stderr: string }> {
  try {
    const result = await validateXML({ xml: files, normalization: "format", maxMemoryPages: MAX_MEMORY, modifyArguments: () => args });
    return { stdout: result.normalized, stderr: result.rawOutput };
  } catch (error) {
    return { stdout: "", stderr: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Validates each document against the Apache Ant JUnit schema (tests/vendor/JUnit.xsd) in one run.
 * Returns, per key, xmllint's complaints about that document, or "" when it validates.
 */
export async function junitSchemaErrors<K extends string>(docs: Record<K, string>): Promise<Record<K, string>> {
  const keys = Object.keys(docs) as K[];
  const files = keys.map((key, i): XMLFileInfo => ({ fileName: `doc${i}.xml`, contents: docs[key] }));
  const { stderr } = await xmllint([...files, JUNIT_XSD], ["--schema", JUNIT_XSD.fileName, "--noout", ...files.map((f) => f.fileName)]);
  const lines = stderr.split("\n");
  const complaints = (file: string) => {
    if (lines.includes(`${file} validates`)) return "";
    // Anything but a clean "validates" is a failure, even if no line names the file.
    return lines.filter((l) => l.startsWith(`${file}:`) || l.startsWith(`${file} `)).join("\n") || stderr || `${file}: no verdict`;
  };
  return Object.fromEntries(keys.map((key, i) => [key, complaints(files[i]!.fileName)])) as Record<K, string>;
}

/**
 * The string value of each XPath 1.0 expression over `xml`, as libxml2 reads the document, in one run.
 * The expressions are joined into one `concat`, each value prefixed with its length in characters,
 * so that no value can be mistaken for a separator.
 */
export async function xpathValues<K extends string>(xml: string, queries: Record<K, string>): Promise<Record<K, string>> {
  const keys = Object.keys(queries) as K[];
  if (keys.length === 0) return {} as Record<K, string>;
  const parts = keys.flatMap((key) => [`string-length(string(${queries[key]}))`, '":"', `string(${queries[key]})`]);
  const doc: XMLFileInfo = { fileName: "doc.xml", contents: xml };
  const { stdout, stderr } = await xmllint([doc], ["--xpath", `concat(${parts.join(", ")}, "")`, doc.fileName]);
  // Lengths count code points, as XPath's string-length does.
  const out = [...stdout];
  let at = 0;
  const values = keys.map((key) => {
    const colon = out.indexOf(":", at);
    const length = Number(out.slice(at, colon).join(""));
    if (colon <= at || !Number.isInteger(length)) throw new Error(`xmllint did not answer ${queries[key]}: ${stderr || stdout}`);
    at = colon + 1 + length;
    return out.slice(colon + 1, at).join("");
  });
  return Object.fromEntries(keys.map((key, i) => [key, values[i]])) as Record<K, string>;
}
