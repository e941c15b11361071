#!/usr/bin/env bash
# Real editors against the built server: Neovim (0.7+) headless and Emacs 28 + eglot each open a report, receive
# diagnostics, get a hover citing the RGPD or the CNIL, apply a rephrasing quick fix and see the finding go.
# Usage: bash scripts/suites/editors.sh RESULTFILE [REPORT.md]
# Appends "ok - ..." / "not ok - ..." lines to RESULTFILE; exits 1 when an editor test failed.
set -uo pipefail
results=${1:?usage: editors.sh RESULTFILE [REPORT.md]}
cd "$(dirname "$0")/../.."
root=$(pwd)
dll="$root/server/bin/Release/net10.0/notelsp.dll"
if [ ! -f "$dll" ]; then
  dotnet build server -c Release -nologo -v q >&2 || { echo "not ok - editors: the server does not build" >> "$results"; exit 1; }
fi
report=${2:-}
if [ -z "$report" ]; then
  report="$root/examples/rapport-exemple.md"
  [ -f "$report" ] || report="$root/tests/editors/sample.md"
fi
export NOTELSP_DLL="$dll"
status=0

# Runs one editor test in a fresh home, so that no user configuration or state is read.
run() {
  local name=$1; shift
  local home log
  home=$(mktemp -d); log=$(mktemp)
  if HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" XDG_STATE_HOME="$home/state" \
     XDG_CACHE_HOME="$home/cache" timeout 180 "$@" </dev/null >"$log" 2>&1; then
    echo "ok - $name" >> "$results"
  else
    echo "not ok - $name" >> "$results"
    status=1
  fi
  sed 's/^/  /' "$log" >&2
  rm -rf "$home" "$log"
}

name="$(basename "$report")"
if command -v nvim >/dev/null 2>&1; then
  run "neovim $(nvim --version | head -1 | cut -d' ' -f2): diagnostics, hover citing RGPD/CNIL, rephrasing fix on $name" \
    nvim --headless --clean -n -i NONE -c "luafile $root/tests/editors/neovim-test.lua" -- "$report"
else
  echo "not ok - neovim: nvim is not installed (apt-get install neovim)" >> "$results"; status=1
fi

if command -v emacs >/dev/null 2>&1; then
  run "emacs $(emacs --version | head -1 | awk '{print $NF}') + eglot: diagnostics, hover citing RGPD/CNIL, rephrasing fix on $name" \
    emacs --batch -l "$root/tests/editors/emacs-test.el" "$report"
else
  echo "not ok - emacs: emacs is not installed (apt-get install emacs-nox elpa-eglot)" >> "$results"; status=1
fi
exit $status
