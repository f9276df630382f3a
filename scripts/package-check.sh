#!/usr/bin/env bash
# The package as users install it: packs the tarball, lints it (publint, with no errors, warnings or
# suggestions; @arethetypeswrong/cli in every resolution mode), checks what it holds, installs it into
# a temporary project and uses it from ESM, CommonJS and TypeScript (moduleResolution node16 and
# bundler) and through the senate bin, then audits the runtime dependencies.
#
#   bash scripts/package-check.sh [--keep]
#
# The consumer install fetches zod, yaml and ajv from the registry. When the registry cannot answer
# `npm audit`, that is reported and does not fail the check; vulnerabilities do.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/senate-package-check-XXXXXX")"
keep=false
[ "${1:-}" = "--keep" ] && keep=true
cleanup() { if $keep; then echo "package-check: kept $tmp"; else rm -rf "$tmp"; fi; }
trap cleanup EXIT

failures=()
step() { printf '\n== %s\n' "$*"; }
fail() { echo "FAIL: $*"; failures+=("$*"); }
ok() { echo "ok: $*"; }

[ -f dist/cli.js ] || npm run build --silent

step "npm pack"
npm pack --pack-destination "$tmp" --silent >"$tmp/pack.txt"
tarball="$tmp/$(tail -n 1 "$tmp/pack.txt")"
[ -f "$tarball" ] || { echo "npm pack made no tarball"; exit 2; }
ok "$(basename "$tarball") ($(du -k "$tarball" | cut -f1) kB)"

step "publint (no errors, warnings or suggestions)"
if npx --no-install publint --strict "$tarball" >"$tmp/publint.txt" 2>&1 && grep -q "All good" "$tmp/publint.txt"; then
  ok "publint: all good"
else
  cat "$tmp/publint.txt"
  fail "publint reported issues"
fi

step "@arethetypeswrong/cli (node10, node16-cjs, node16-esm, bundler)"
if npx --no-install attw "$tarball" --format table >"$tmp/attw.txt" 2>&1; then
  grep -E "node10|node16|bundler|No problems" "$tmp/attw.txt" | head -8
  ok "attw: no problems"
else
  cat "$tmp/attw.txt"
  fail "attw reported problems"
fi

step "tarball contents: only what users need"
tar -tzf "$tarball" | sed 's#^package/##' | sort >"$tmp/files.txt"
extra="$(grep -vE '^(package\.json|README\.md|CHANGELOG\.md|LICEN[CS]E(\.md|\.txt)?|dist/.+|schemas/.+\.json|principles/.+\.(ya?ml|json)|principles/CHANGELOG\.md|docs/.+\.md)$' "$tmp/files.txt" || true)"
if [ -n "$extra" ]; then fail "unexpected files in the tarball: $(echo "$extra" | tr '\n' ' ')"; else ok "$(wc -l <"$tmp/files.txt") files: dist, schemas, principles (with their changelog), docs, README, CHANGELOG, package.json"; fi
for need in dist/index.js dist/index.cjs dist/index.d.ts dist/index.d.cts dist/node.js dist/node.cjs dist/node.d.ts dist/node.d.cts dist/cli.js schemas/proposal.schema.json schemas/report.schema.json \
  schemas/framework.schema.json schemas/reviews.schema.json schemas/waivers.schema.json principles/london-2020.yaml docs/criteria/london-2020.md README.md package.json; do
  grep -qx "$need" "$tmp/files.txt" || fail "the tarball lacks $need"
done
if grep -qE '\.(map|ts)$' <(grep -vE '\.d\.c?ts$' "$tmp/files.txt"); then fail "the tarball holds source or source maps"; fi

step "package.json: exports, sideEffects, engines, bin, runtime dependencies justified in the README"
node --input-type=module - "$root" <<'EOF' || fail "package.json checks"
import { readFileSync } from "node:fs";
const root = process.argv[2];
const pkg = JSON.parse(readFileSync(`${root}/package.json`, "utf8"));
const readme = readFileSync(`${root}/README.md`, "utf8");
const problems = [];
const exportsMap = JSON.stringify(pkg.exports ?? {});
if (!/\.\/schemas\/\*\.json|\.\/schemas\/proposal\.schema\.json/.test(exportsMap)) problems.push("exports does not include the schemas");
if (pkg.sideEffects !== false) problems.push("sideEffects is not false");
if (!pkg.engines?.node) problems.push("engines.node is not set");
if (!pkg.exports?.["./node"]) problems.push("exports lacks ./node, the Node helpers");
if (!/"zod"/.test(JSON.stringify(pkg.peerDependencies ?? {}))) problems.push("zod is not a peer dependency");
if (pkg.bin?.senate !== "./dist/cli.js") problems.push("bin.senate is not ./dist/cli.js");
const section = readme.split(/^## /m).find((s) => s.startsWith("Runtime dependencies")) ?? "";
for (const dep of Object.keys(pkg.dependencies ?? {})) if (!section.includes(`\`${dep}\``)) problems.push(`runtime dependency ${dep} is not justified under "## Runtime dependencies" in the README`);
for (const p of problems) console.log(`FAIL: ${p}`);
if (problems.length === 0) console.log(`ok: exports ${Object.keys(pkg.exports).join(", ")}; sideEffects false; engines.node ${pkg.engines.node}; bin senate; dependencies ${Object.keys(pkg.dependencies).join(", ")} each justified`);
process.exit(problems.length === 0 ? 0 : 1);
EOF

step "consumer project: install the tarball"
consumer="$tmp/consumer"
mkdir -p "$consumer"
cat >"$consumer/package.json" <<'EOF'
{ "name": "senate-consumer", "version": "1.0.0", "private": true }
EOF
if ! (cd "$consumer" && npm install "$tarball" --no-audit --no-fund --loglevel=error >"$tmp/install.txt" 2>&1); then
  cat "$tmp/install.txt"
  echo "package-check: could not install the tarball into a temporary project"
  exit 2
fi
ok "installed with $(cd "$consumer" && ls node_modules | tr '\n' ' ')"
example="$root/examples/stroke-hasu.yaml"

cat >"$consumer/esm.mjs" <<EOF
import { readFileSync } from "node:fs";
import { assess, builtinFramework, formatReport, parseProposal, TOOL_VERSION } from "senate-principles";
import schema from "senate-principles/schemas/proposal.schema.json" with { type: "json" };
const parsed = parseProposal(readFileSync("$example", "utf8"), { filename: "stroke-hasu.yaml" });
if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
const report = assess(parsed.value, builtinFramework("london-2020"), { now: new Date("2026-01-01") });
if (!report.ok) throw new Error(JSON.stringify(report.issues));
// A duplicate key takes the full YAML parse, which loads yaml on first use.
const dup = parseProposal('schemaVersion: "1"\nschemaVersion: "1"\n', { filename: "dup.yaml" });
if (dup.ok || dup.issues[0].code !== "duplicate_key") throw new Error("the full parse did not run: " + JSON.stringify(dup));
// The Node helpers live in their own entry.
const { assessFile } = await import("senate-principles/node");
const fromFile = assessFile("$example", { now: new Date("2026-01-01") });
if (!fromFile.ok || fromFile.value.summary.rating !== report.value.summary.rating) throw new Error("senate-principles/node: " + JSON.stringify(fromFile));
console.log("esm", TOOL_VERSION, report.value.summary.rating, formatReport(report.value, "json").length > 1000, schema.type);
EOF
cat >"$consumer/cjs.cjs" <<EOF
const { readFileSync } = require("node:fs");
const { assess, builtinFramework, parseProposal, loadFramework, TOOL_VERSION } = require("senate-principles");
const schema = require("senate-principles/schemas/report.schema.json");
const parsed = parseProposal(readFileSync("$example", "utf8"), { filename: "stroke-hasu.yaml" });
if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
const report = assess(parsed.value, builtinFramework("london-2020"), { now: new Date("2026-01-01") });
if (!report.ok) throw new Error(JSON.stringify(report.issues));
const dup = parseProposal('schemaVersion: "1"\nschemaVersion: "1"\n', { filename: "dup.yaml" });
if (dup.ok || dup.issues[0].code !== "duplicate_key") throw new Error("the full parse did not run: " + JSON.stringify(dup));
// A framework with a schema check loads Ajv on first use.
const fw = loadFramework(readFileSync("$root/principles/london-2020.yaml", "utf8"), { filename: "london-2020.yaml" });
if (!fw.ok) throw new Error(JSON.stringify(fw.issues));
const { readProposalFile } = require("senate-principles/node");
if (!readProposalFile("$example").ok) throw new Error("senate-principles/node: readProposalFile failed");
console.log("cjs", TOOL_VERSION, report.value.summary.rating, schema.type);
EOF

step "consumer: ESM"
if (cd "$consumer" && node esm.mjs); then ok "ESM import works"; else fail "ESM import"; fi
step "consumer: CommonJS"
if (cd "$consumer" && node cjs.cjs); then ok "CommonJS require works"; else fail "CommonJS require"; fi

step "consumer: TypeScript (moduleResolution node16 and bundler; types resolve and calls compile)"
cat >"$consumer/use.ts" <<'EOF'
import { type AssessmentReport, assess, builtinFramework, type Issue, type London2020CriterionId, parseProposal, type Result } from "senate-principles";
const parsed = parseProposal('schemaVersion: "1"\n', { filename: "p.yaml" });
const issues: Issue[] = parsed.ok ? [] : parsed.issues;
const framework = builtinFramework("london-2020");
const report: Result<AssessmentReport> | undefined = parsed.ok && framework ? assess(parsed.value, framework, { now: new Date() }) : undefined;
const id: London2020CriterionId = "LDN-3.7";
// @ts-expect-error: not a criterion of london-2020
const typo: London2020CriterionId = "LDN-3.10";
import { assessFile } from "senate-principles/node";
const fromFile: Result<AssessmentReport> = assessFile("p.yaml", { framework: "london-2020" });
export { fromFile, id, issues, report, typo };
EOF
cp "$consumer/use.ts" "$consumer/use.mts"
cp "$consumer/use.ts" "$consumer/use.cts"
tsc="$root/node_modules/.bin/tsc"
types="$root/node_modules/@types"
for mode in node16 bundler; do
  if [ "$mode" = node16 ]; then module=node16; files='"use.mts", "use.cts"'; else module=esnext; files='"use.ts"'; fi
  cat >"$consumer/tsconfig.$mode.json" <<EOF
{ "compilerOptions": { "module": "$module", "moduleResolution": "$mode", "target": "es2022", "strict": true, "noEmit": true,
  "skipLibCheck": false, "types": ["node"], "typeRoots": ["$types"] }, "files": [$files] }
EOF
  if (cd "$consumer" && "$tsc" -p "tsconfig.$mode.json"); then ok "tsc, moduleResolution $mode"; else fail "tsc with moduleResolution $mode"; fi
done

step "consumer: the senate bin"
version="$(cd "$consumer" && npx --no-install senate --version)"
expected="$(node -p 'require("./package.json").version')"
if [ "$version" = "$expected" ]; then ok "senate --version: $version"; else fail "senate --version printed '$version', expected '$expected'"; fi
set +e
(cd "$consumer" && npx --no-install senate assess "$example" --reviews "$root/examples/stroke-hasu.reviews.yaml" --format json --fail-on never >"$tmp/report.json")
status=$?
set -e
if [ "$status" -eq 0 ] && node -e 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))' "$tmp/report.json"; then ok "senate assess: a JSON report"; else fail "senate assess exited $status"; fi
if (cd "$consumer" && npx --no-install senate validate "$root/examples/maternity-unit.md" >/dev/null); then ok "senate validate"; else fail "senate validate"; fi

step "npm audit --omit=dev"
set +e
audit="$(npm audit --omit=dev 2>&1)"
status=$?
set -e
if [ "$status" -eq 0 ]; then
  ok "$(echo "$audit" | tail -n 1)"
elif echo "$audit" | grep -qiE "audit endpoint returned an error|405|ENOAUDIT|network|ECONNREFUSED|ENOTFOUND"; then
  echo "$audit" | grep -iE "audit|error" | head -3
  echo "note: the registry could not answer npm audit; runtime dependencies were not audited"
else
  echo "$audit"
  fail "npm audit --omit=dev found vulnerabilities"
fi

echo
if [ ${#failures[@]} -gt 0 ]; then
  printf 'package-check: %d problem(s):\n' "${#failures[@]}"
  printf '  - %s\n' "${failures[@]}"
  exit 1
fi
echo "package-check: the package installs and works as users will use it"
