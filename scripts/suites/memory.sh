#!/usr/bin/env bash
# Memory against document size (issue #14 part 9): docs/security.md states that the peak resident memory of
# `notelsp check` and of the language server stays within a fixed part plus a multiple of the document's size.
# This suite checks it on a 20 MB report made of the bundled example repeated (a dense one: a finding every few
# lines), through the JIT build that the other suites run:
#   - `check --format json`: at most 100 MB + 20 x the size;
#   - the language server, from didOpen to the published diagnostics: at most 200 MB + 25 x the size.
# Usage: bash scripts/suites/memory.sh RESULTFILE
set -uo pipefail
results=${1:?usage: memory.sh RESULTFILE}
cd "$(dirname "$0")/../.."
root=$(pwd)
dll="$root/server/bin/Release/net10.0/notelsp.dll"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
size_mb=20

python3 - "$root/examples/rapport-exemple.md" "$work/rapport.md" "$size_mb" <<'PY'
import sys
example = open(sys.argv[1], encoding="utf-8").read().strip() + "\n\n"
target = int(sys.argv[3]) << 20
with open(sys.argv[2], "w", encoding="utf-8") as out:
    written = 0
    while written < target:
        out.write(example)
        written += len(example.encode("utf-8"))
PY
bytes=$(stat -c %s "$work/rapport.md")

verdict() {
  local name=$1 kb=$2 fixed_mb=$3 factor=$4 detail=$5
  local limit_kb=$(( fixed_mb * 1024 + factor * bytes / 1024 ))
  if [ "$kb" -gt 0 ] && [ "$kb" -le "$limit_kb" ]; then
    echo "ok - memory: $name: peak $((kb / 1024)) MB for a $((bytes >> 20)) MB report, limit $((limit_kb / 1024)) MB = $fixed_mb MB + $factor x its size ($detail)" >> "$results"
  else
    echo "not ok - memory: $name: peak $((kb / 1024)) MB for a $((bytes >> 20)) MB report, limit $((limit_kb / 1024)) MB = $fixed_mb MB + $factor x its size ($detail)" >> "$results"
    status=1
  fi
}

/usr/bin/time -f '%e %M' -o "$work/time" timeout 300 dotnet "$dll" check --format json --fail-on none "$work/rapport.md" > "$work/report.json" 2> "$work/err"
code=$?
read -r secs kb < <(tail -1 "$work/time") || { secs=0; kb=0; }
[ $code -eq 0 ] || kb=0
verdict "notelsp check --format json" "$kb" 100 20 "exit $code, ${secs} s"

line=$(python3 scripts/suites/memory-lsp.py "$work/rapport.md" -- dotnet "$dll")
kb=$(printf '%s\n' "$line" | sed -n 's/.*peak_kb=\([0-9]*\).*/\1/p')
verdict "language server, didOpen to publishDiagnostics" "${kb:-0}" 200 25 "${line:-no diagnostics}"
exit $status
