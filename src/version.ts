import pkg from "../package.json" with { type: "json" };

/** The package name recorded in every report's provenance. */
export const TOOL_NAME = "senate-principles" as const;

/** The package version, inlined at build time. */
export const TOOL_VERSION: string = pkg.version;
