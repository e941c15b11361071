#!/usr/bin/env python3
"""Findings per 100 words, for the acceptance of issue #19 (one fact, one finding).

usage: findings-density.py INPUT... -- CHECK-COMMAND...

Each INPUT is a text file (read as it is) or a corpus .tsv (id, categories, text: the texts are written one per
line to a temporary file, as score-corpus does). CHECK-COMMAND must print the JSON report v1; the path of the file
is appended to it. Findings of severity "hint" are left out, as score-corpus leaves them out. For each input the
script prints the words, the findings, the findings per 100 words and, when the report has grouped findings, the
rules that matched (the parts), so that the figure with and without grouping can be read from one run.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def texts_of(path):
    if not path.endswith(".tsv"):
        with open(path, encoding="utf-8") as f:
            return f.read()
    lines = []
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.rstrip("\n")
            if line.strip() and not line.startswith("#"):
                lines.append(line.split("\t", 2)[2])
    return "\n".join(lines) + "\n"


def measure(path, command):
    text = texts_of(path)
    suffix = ".md" if path.endswith(".md") else ".txt"
    with tempfile.TemporaryDirectory() as folder:
        target = os.path.join(folder, "input" + suffix)
        with open(target, "w", encoding="utf-8") as f:
            f.write(text)
        out = subprocess.run(command + [target], capture_output=True, text=True, check=False)
    report = json.loads(out.stdout)
    findings = [f for file in report["files"] for f in file["findings"] if f["severity"] != "hint"]
    parts = sum(len(f.get("parts") or [f]) for f in findings)
    return len(WORD.findall(text)), len(findings), parts


def main(argv):
    if "--" not in argv:
        print(__doc__, file=sys.stderr)
        return 2
    split = argv.index("--")
    for path in argv[:split]:
        words, findings, parts = measure(path, argv[split + 1:])
        print(f"{path}\twords {words}\tfindings {findings}\tper 100 words {100 * findings / words:.2f}"
              f"\trules matched {parts}\tper 100 words {100 * parts / words:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
