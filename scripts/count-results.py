#!/usr/bin/env python3
"""Adds up the TRX files of dotnet test and the extra suites' lines, and prints 'N passed, N failed'.

Exit code 1 when anything failed or when no test ran at all, so that an empty run never looks green."""
import glob
import os
import sys
import xml.etree.ElementTree as ET

results = sys.argv[1]
passed = failed = skipped = 0
for trx in glob.glob(os.path.join(results, "**", "*.trx"), recursive=True):
    counters = ET.parse(trx).getroot().find(".//{*}ResultSummary/{*}Counters")
    if counters is None:
        continue
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0))
    skipped += int(counters.get("notExecuted", 0))
extra = os.path.join(results, "extra.txt")
if os.path.exists(extra):
    for line in open(extra, encoding="utf-8"):
        if line.startswith("not ok"):
            failed += 1
            print(line.rstrip())
        elif line.startswith("ok"):
            passed += 1
print(f"{passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
sys.exit(1 if failed or passed == 0 else 0)
