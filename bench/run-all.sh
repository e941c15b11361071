#!/usr/bin/env bash
# Runs every benchmark of docs/performance.md and prints one table. Not part of scripts/test-all: it takes
# 10 to 20 minutes and its numbers depend on the machine and its load.
# Usage: bash bench/run-all.sh [--quick]     (--quick: fewer iterations, for smoke tests)
# Needs: .NET SDK, node + npm, clang + zlib1g-dev (native publish), grammalecte-cli (Debian), python3.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
quick=${1:-}
out="$root/.artifacts/bench"
data="$out/data"
mkdir -p "$data"
results="$out/results.jsonl"
: > "$results"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

note() { echo "== $*" >&2; }
record() { echo "$1" >> "$results"; echo "$1" >&2; }
now_ms() { date +%s%3N; }

note "machine"
record "$(python3 - <<'PY'
import json, os, platform, subprocess
cpu = next((l.split(':', 1)[1].strip() for l in open('/proc/cpuinfo') if l.startswith('model name')), platform.processor())
mem = next(int(l.split()[1]) // 1024 for l in open('/proc/meminfo') if l.startswith('MemTotal'))
load = os.getloadavg()
dotnet = subprocess.run(['dotnet', '--version'], capture_output=True, text=True).stdout.strip()
print(json.dumps({"mode": "machine", "cpu": cpu, "cores": os.cpu_count(), "memMb": mem, "kernel": platform.release(),
                  "dotnet": dotnet, "load": [round(x, 2) for x in load]}))
PY
)"

note "build: benchmark tool and native server"
dotnet build bench/Cnaemo.NoteLsp.Bench -c Release -nologo -v q >/dev/null
bench_tool="bench/Cnaemo.NoteLsp.Bench/bin/Release/net10.0/Cnaemo.NoteLsp.Bench"
bash bench/publish-native.sh "$out/native" >/dev/null
server="$out/native/notelsp"
(cd bench/lsp-latency && npm install --no-audit --no-fund --silent)
(cd bench/compare && npm install --no-audit --no-fund --silent)

note "data: generated reports"
"$bench_tool" generate fr 150 "$data/rapport-150k.md"
"$bench_tool" generate en 150 "$data/notes-150k-en.md"
rm -rf "$data/dossier" "$data/ouverts"
"$bench_tool" folder "$data/dossier" 200 50
"$bench_tool" folder "$data/ouverts" 10 50

note "engine (BenchmarkDotNet)"
job=(--job short)
[ "$quick" = "--quick" ] && job=(--job dry)
(cd "$out" && "$root/$bench_tool" bdn --filter '*' "${job[@]}" --inProcess --exporters csv >/dev/null)
for csv in "$out"/BenchmarkDotNet.Artifacts/results/*-report.csv; do
  python3 - "$csv" >> "$results" <<'PY'
import csv, json, sys
for row in csv.DictReader(open(sys.argv[1]), delimiter=','):
    print(json.dumps({"mode": "engine", "method": row["Method"], "sizeKb": row.get("SizeKb"), "mean": row["Mean"],
                      "error": row.get("Error"), "allocated": row.get("Allocated")}))
PY
done

note "LSP: cold start, latency, memory"
node bench/lsp-latency/harness.mjs startup "$server" 20 >> "$results"
edits=500; [ "$quick" = "--quick" ] && edits=50
node bench/lsp-latency/harness.mjs latency "$server" "$data/rapport-150k.md" "$edits" >> "$results"
node bench/lsp-latency/harness.mjs memory "$server" "$data/ouverts" 10 >> "$results"

note "batch CLI over a folder"
bytes=$(du -sb "$data/dossier" | cut -f1)
best=""
for run in 1 2 3; do
  t0=$(now_ms); "$server" check "$data/dossier" --format json --fail-on none > /dev/null; t1=$(now_ms)
  ms=$((t1 - t0)); if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
done
record "$(python3 -c "import json;print(json.dumps({'mode':'cli','files':200,'mb':round($bytes/1048576,2),'bestMs':$best,'mbPerS':round($bytes/1048576/($best/1000),1)}))")"

note "side by side: notelsp, harper.js, alex, grammalecte-cli"
french_bytes=$(stat -c %s "$data/rapport-150k.md")
t0=$(now_ms); "$server" check "$data/rapport-150k.md" --format json --fail-on none > /dev/null; t1=$(now_ms)
record "$(python3 -c "import json;print(json.dumps({'mode':'compare','tool':'notelsp check (process)','kb':round($french_bytes/1024,1),'ms':$((t1 - t0)),'msPerKb':round($((t1 - t0))/($french_bytes/1024),4)}))")"
t0=$(now_ms); grammalecte-cli -j -f "$data/rapport-150k.md" > /dev/null 2>&1 || true; t1=$(now_ms)
record "$(python3 -c "import json;print(json.dumps({'mode':'compare','tool':'grammalecte-cli (process)','kb':round($french_bytes/1024,1),'ms':$((t1 - t0)),'msPerKb':round($((t1 - t0))/($french_bytes/1024),4)}))")"
runs=5; [ "$quick" = "--quick" ] && runs=1
node bench/compare/compare.mjs "$data/notes-150k-en.md" "$runs" | sed 's/^{/{"mode":"compare",/' >> "$results"

note "load after the run"
record "$(python3 -c "import json,os;print(json.dumps({'mode':'load-after','load':[round(x,2) for x in os.getloadavg()]}))")"

python3 bench/print-table.py "$results"
