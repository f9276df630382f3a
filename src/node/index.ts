// senate-principles/node: what needs Node on top of the runtime-neutral core (senate-principles):
// reading proposals, frameworks and companion files from disk, bounded and never following a path out
// of a framework's folder.

export { type AssessFileOptions, assessFile, loadFrameworkFile, readProposalFile, resolveFramework } from "./files.js";
export { readTextFile } from "./read.js";
