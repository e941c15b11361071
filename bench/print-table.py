#!/usr/bin/env python3
"""Prints the results of bench/run-all.sh (a JSON-lines file) as the table kept in docs/performance.md."""
import json
import sys

UNITS = {"ns": 1e-6, "us": 1e-3, "μs": 1e-3, "ms": 1.0, "s": 1000.0}


def to_ms(text):
    value, unit = text.replace(",", "").split()
    return float(value) * UNITS[unit]


rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
by_mode = {}
for row in rows:
    by_mode.setdefault(row["mode"], []).append(row)

machine = by_mode.get("machine", [{}])[0]
print(f"Machine: {machine.get('cpu')}, {machine.get('cores')} cores, {machine.get('memMb')} MB, "
      f".NET SDK {machine.get('dotnet')}; load before {machine.get('load')}, after {by_mode.get('load-after', [{}])[0].get('load')}")
print()
print("| Engine benchmark | Size | Mean | Allocated |")
print("|---|---|---|---|")
engine_per_kb = None
for row in by_mode.get("engine", []):
    print(f"| {row['method']} | {row['sizeKb']} KB | {row['mean']} | {row['allocated']} |")
    if row["method"] == "Lint" and row["sizeKb"] == "150":
        engine_ms_150 = to_ms(row["mean"])
        engine_per_kb = engine_ms_150 / 150
print()

targets = []
if engine_per_kb is not None:
    targets.append(("Engine, full lint of 150 KB", "≤ 5 ms", f"{engine_ms_150:.2f} ms", engine_ms_150 <= 5))
latency = by_mode.get("latency", [None])[0]
if latency:
    targets.append((f"LSP didChange → publishDiagnostics, {latency['edits']} edits in {latency['kb']} KB, p95",
                    "≤ 15 ms", f"p50 {latency['p50Ms']} / p95 {latency['p95Ms']} / p99 {latency['p99Ms']} ms", latency["p95Ms"] <= 15))
startup = by_mode.get("startup", [None])[0]
if startup:
    targets.append(("Cold start: spawn → initialize response (p50)", "≤ 50 ms", f"{startup['p50Ms']} ms", startup["p50Ms"] <= 50))
memory = by_mode.get("memory", [None])[0]
if memory:
    targets.append((f"RSS with {memory['documents']} reports open ({memory['totalKb']} KB)", "≤ 40 MB",
                    f"{memory['rssMb']} MB (peak {memory['peakRssMb']} MB)", memory["rssMb"] <= 40))
cli = by_mode.get("cli", [None])[0]
if cli:
    targets.append((f"Batch CLI, {cli['files']} files, {cli['mb']} MB", "≥ 20 MB/s", f"{cli['mbPerS']} MB/s", cli["mbPerS"] >= 20))
others = {row["tool"]: row for row in by_mode.get("compare", [])}
for tool in ("harper.js", "alex"):
    if tool in others and engine_per_kb is not None:
        theirs = others[tool]["msPerKb"]
        targets.append((f"Per KB vs {tool} ({others[tool]['kb']} KB English)", "faster",
                        f"notelsp {engine_per_kb:.4f} ms/KB vs {theirs} ms/KB ({theirs / engine_per_kb:.0f}×)", engine_per_kb < theirs))

print("| Target | Goal | Measured | Met |")
print("|---|---|---|---|")
for name, goal, measured, met in targets:
    print(f"| {name} | {goal} | {measured} | {'yes' if met else 'NO'} |")
print()
print("| Side by side (time per KB) | Text | ms/KB |")
print("|---|---|---|")
if engine_per_kb is not None:
    print(f"| notelsp engine (in process) | 150 KB French | {engine_per_kb:.4f} |")
for row in by_mode.get("compare", []):
    print(f"| {row['tool']} | {row['kb']} KB {'English' if row['tool'] in ('harper.js', 'alex') else 'French'} | {row['msPerKb']} |")
