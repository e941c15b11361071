#!/usr/bin/env bash
# The audit report end to end (issue #16 part 5): 200 generated reports in a few service folders, `notelsp check
# --format html` and `--format json` on the same folder, then the page in headless Chromium (Debian's), driven by
# playwright-core: no console error, no request, the figures against the JSON report, sorting and filtering. The
# screenshot is kept in .artifacts/audit-html/ (a CI artifact).
# Usage: bash scripts/suites/audit-html.sh RESULTFILE
set -uo pipefail
results=${1:?usage: audit-html.sh RESULTFILE}
cd "$(dirname "$0")/../.."
root=$(pwd)
mkdir -p "$(dirname "$results")"
results=$(cd "$(dirname "$results")" && pwd)/$(basename "$results")
dll="$root/server/bin/Release/net10.0/notelsp.dll"
artifacts="$root/.artifacts/audit-html"
mkdir -p "$artifacts"
fail() { echo "not ok - audit-html: $1" >> "$results"; echo "audit-html: $1" >&2; exit 1; }

[ -f "$dll" ] || fail "the server is not built ($dll)"
if [ ! -x /usr/bin/chromium ]; then
  export DEBIAN_FRONTEND=noninteractive
  { apt-get -o DPkg::Lock::Timeout=600 update -qq &&
    apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends chromium; } > "$artifacts/apt.log" 2>&1 \
    || fail "apt-get install chromium"
fi
if [ ! -f node_modules/playwright-core/package.json ]; then
  npm ci --no-audit --no-fund > "$artifacts/npm-ci.log" 2>&1 || fail "npm ci (playwright-core)"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 scripts/suites/audit-html-corpus.py "$work/archive" 200 || fail "generating the reports"
count=$(find "$work/archive" -name 'rapport-*' | wc -l)
[ "$count" = 200 ] || fail "200 reports expected, $count generated"

cd "$work"
# The archive holds one unreadable file on purpose: exit code 2 is expected, with both reports written.
dotnet "$dll" check --format json --fail-on none archive > report.json 2> json.err
code=$?
[ "$code" = 2 ] || fail "check --format json: exit $code, expected 2 for the unreadable file ($(head -1 json.err))"
dotnet "$dll" check --format html --fail-on none archive > report.html 2> html.err
code=$?
[ "$code" = 2 ] || fail "check --format html: exit $code, expected 2 ($(head -1 html.err))"
cmp -s json.err html.err || fail "the two formats said different things on stderr"
grep -q "1 fichier(s) des dossiers non relu(s) (.pdf : 1)" html.err || fail "the skipped PDF is not said on stderr"
cp report.html "$artifacts/report.html"
echo "ok - audit-html: check --format html and json on 200 generated reports ($(wc -c < report.html) bytes of HTML)" >> "$results"

cd "$root"
node scripts/suites/audit-html-page.mjs "$work/report.html" "$work/report.json" "$artifacts/report.png" > "$artifacts/page.log" 2>&1
code=$?
grep -E '^(ok|not ok) - ' "$artifacts/page.log" >> "$results"
if [ "$code" != 0 ]; then
  grep -vE '^ok - ' "$artifacts/page.log" | head -20 >&2
  grep -q '^not ok - ' "$artifacts/page.log" || echo "not ok - audit-html: the page test did not run (see $artifacts/page.log)" >> "$results"
  exit 1
fi
