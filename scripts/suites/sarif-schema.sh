#!/usr/bin/env bash
# SARIF 2.1.0 against the official schema (issue #16 part 6): the schema shipped by Microsoft's SARIF SDK in its npm
# package, and Ajv, both pinned by tests/sarif-schema/package-lock.json. Several runs: a folder of generated reports
# with an unreadable file (notifications) and a skipped PDF, the example report, every rule on its own, standard
# input, and a clean document (no results).
# Usage: bash scripts/suites/sarif-schema.sh RESULTFILE
set -uo pipefail
results=${1:?usage: sarif-schema.sh RESULTFILE}
cd "$(dirname "$0")/../.."
root=$(pwd)
mkdir -p "$(dirname "$results")"
results=$(cd "$(dirname "$results")" && pwd)/$(basename "$results")
dll="$root/server/bin/Release/net10.0/notelsp.dll"
log="$root/.artifacts/sarif-schema"
mkdir -p "$log"
fail() { echo "not ok - sarif-schema: $1" >> "$results"; echo "sarif-schema: $1" >&2; exit 1; }

[ -f "$dll" ] || fail "the server is not built ($dll)"
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || fail "node and npm are required"
# The package's install script only makes its multitool executable, which is not used here.
(cd tests/sarif-schema && npm ci --no-audit --no-fund --ignore-scripts) > "$log/npm-ci.log" 2>&1 || fail "npm ci in tests/sarif-schema"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 scripts/suites/audit-html-corpus.py "$work/archive" 40 || fail "generating the reports"
printf 'Visite au domicile, échange cordial avec la famille.\n' > "$work/propre.md"
run() {
  local name=$1; shift
  (cd "$work" && dotnet "$dll" check --format sarif --fail-on none "$@" > "$name.sarif" 2> "$name.err" < /dev/null)
  [ -s "$work/$name.sarif" ] || fail "no SARIF for $name ($(head -1 "$work/$name.err"))"
}
run archive archive
run example "$root/examples"
run every-rule --every-rule "$root/examples"
run clean propre.md
(cd "$work" && printf 'Tél. 06 12 34 56 78. Mme X est agressive.\n' | dotnet "$dll" check --format sarif --fail-on none - > stdin.sarif 2> stdin.err)
grep -q '"toolExecutionNotifications"' "$work/archive.sarif" || fail "the unreadable file is not a notification in archive.sarif"
grep -q '"fixes"' "$work/example.sarif" || fail "no fixes in example.sarif"

node tests/sarif-schema/validate.mjs "$work"/*.sarif > "$log/validate.log" 2>&1
code=$?
grep -E '^(ok|not ok) - ' "$log/validate.log" >> "$results"
if [ "$code" != 0 ]; then
  grep -vE '^ok - ' "$log/validate.log" | head -20 >&2
  grep -q '^not ok - ' "$log/validate.log" || echo "not ok - sarif-schema: the validator did not run (see $log/validate.log)" >> "$results"
  exit 1
fi
