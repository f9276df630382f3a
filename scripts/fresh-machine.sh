#!/usr/bin/env bash
# Proves the README's promise that `npm ci && npm test` pass with nothing but Node and npm: clones the
# committed HEAD (uncommitted changes are not part of the proof) into a temporary folder with no
# ../shared beside it, and runs both with a PATH that holds only `node`, `npm`, `npx` and `sh` (npm
# runs package scripts, and dependencies' install scripts, with the `sh` it finds on PATH). No other
# tool is reachable: no xmllint, git or coreutils. The rest of the environment is kept: the registry's
# certificates and settings come from it. Run by .ci/run; takes about as long as npm ci plus npm test.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
head="$(git -C "$repo" rev-parse HEAD)"
work="$(mktemp -d "${TMPDIR:-/tmp}/senate-fresh-XXXXXX")"
trap 'rm -rf "$work"' EXIT

bin="$work/bin"
mkdir "$bin"
for tool in node npm npx sh; do
  ln -s "$(command -v "$tool")" "$bin/$tool"
done

git clone --quiet --no-checkout "$repo" "$work/repo"
git -C "$work/repo" checkout --quiet --detach "$head"
if [ -e "$work/shared" ]; then
  echo "fresh-machine: $work/shared exists, so the run would not prove anything" >&2
  exit 1
fi

echo "fresh-machine: commit $head in $work/repo; PATH=$bin ($(ls "$bin" | tr '\n' ' '))"
cd "$work/repo"
# npm test needs nothing from ../shared; SENATE_CLI would point the CLI tests at another binary.
env -u SENATE_CLI PATH="$bin" npm ci --no-audit --no-fund
env -u SENATE_CLI PATH="$bin" npm test
echo "fresh-machine: npm ci and npm test passed with only node, npm, npx and sh on PATH and no ../shared"
