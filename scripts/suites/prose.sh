#!/usr/bin/env bash
# Precision gate on ordinary French prose: about 1.4 MB of text about no person (French manual pages and the French
# LibreOffice help, from Debian packages), where every semantic finding is a false alarm. Issue #12 asks for at most
# 2 semantic findings per 100 KB, identifiers and exclamation marks not counted (../shared/tools/prose-precision).
# Usage: bash scripts/suites/prose.sh RESULTFILE
# Appends one "ok - ..." / "not ok - ..." line to RESULTFILE; exits 1 when the gate fails.
set -uo pipefail
results=${1:?usage: prose.sh RESULTFILE}
cd "$(dirname "$0")/../.."
root=$(pwd)
dll="$root/server/bin/Release/net10.0/notelsp.dll"
tool="$root/../shared/tools/prose-precision"
limit=2

if [ ! -f "$tool" ]; then
  echo "not ok - prose precision: ../shared/tools/prose-precision is missing" >> "$results"; exit 1
fi
# The prose packages are installed by scripts/install-deps; run it when they are missing, so the suite also works
# alone on a fresh machine.
if [ ! -d /usr/share/man/fr/man3 ] || [ ! -d /usr/share/libreoffice/help/fr/text ] || ! command -v groff >/dev/null; then
  bash scripts/install-deps >&2 || { echo "not ok - prose precision: the prose packages cannot be installed" >> "$results"; exit 1; }
fi
if [ ! -f "$dll" ]; then
  dotnet build server/Cnaemo.NoteLsp.Server.csproj -c Release -nologo -v q >&2 \
    || { echo "not ok - prose precision: the server does not build" >> "$results"; exit 1; }
fi

# The sample is rebuilt on every run (about 1 s) under .artifacts, never in the repository.
prose="$root/.artifacts/prose"
rm -rf "$prose"
python3 scripts/suites/prose-text.py "$prose" || { echo "not ok - prose precision: the prose sample cannot be built" >> "$results"; exit 1; }

out=$(python3 "$tool" --max "$limit" "$prose" -- dotnet "$dll" check --format json)
code=$?
echo "$out"
figure=$(printf '%s\n' "$out" | sed -n 's/^semantic findings per 100 KB: \([0-9.]*\).*/\1/p')
if [ $code -eq 0 ]; then
  echo "ok - prose precision: $figure semantic findings per 100 KB of ordinary French prose (limit $limit)" >> "$results"
else
  echo "not ok - prose precision: ${figure:-no figure} semantic findings per 100 KB of ordinary French prose (limit $limit)" >> "$results"
  exit 1
fi
