#!/usr/bin/env python3
"""Writes a folder of generated reports for the audit suite (scripts/suites/audit-html.sh).

Usage: audit-html-corpus.py FOLDER COUNT

Each report is made of paragraphs of the example report (examples/) and of lines of the dev corpus
(tests/corpus/dev.tsv, never the holdout side), drawn with a fixed seed, so that the folder is the same at every
run. The reports go to a few service folders, as .md and .txt files, and each gets its own modification date over
eighteen months, so that the chart over the files' dates has something to show. One file in Latin-1 (unreadable)
and one PDF (skipped by the folder walk) are added, as an archive would have them."""
import os
import random
import sys
import time

folder, count = sys.argv[1], int(sys.argv[2])
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
rng = random.Random(16)

paragraphs = []
for name in sorted(os.listdir(os.path.join(root, "examples"))):
    with open(os.path.join(root, "examples", name), encoding="utf-8") as example:
        paragraphs += [p.strip() for p in example.read().split("\n\n") if p.strip() and not p.startswith("#")]

lines = []
with open(os.path.join(root, "tests", "corpus", "dev.tsv"), encoding="utf-8") as corpus:
    for line in corpus:
        fields = line.rstrip("\n").split("\t")
        if not line.startswith("#") and len(fields) >= 3 and fields[2].strip():
            lines.append(fields[2].strip())

services = ["aemo-nord", "aemo-sud", "ehpad-les-tilleuls", "mecs/unite-1", "mecs/unite-2"]
start = time.mktime((2025, 6, 1, 9, 0, 0, 0, 0, -1))
for i in range(count):
    service = services[i % len(services)]
    extension = ".md" if i % 3 else ".txt"
    body = [f"Rapport de suivi n° {i + 1}", ""]
    body += rng.sample(paragraphs, k=min(len(paragraphs), rng.randint(1, 4)))
    # Some reports are clean: only ordinary lines of the example, so that not every file has findings.
    if i % 7:
        body += rng.sample(lines, k=rng.randint(2, 12))
    path = os.path.join(folder, service, f"rapport-{i + 1:03d}{extension}")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as report:
        report.write("\n\n".join(body) + "\n")
    stamp = start + rng.uniform(0, 540) * 86400
    os.utime(path, (stamp, stamp))

with open(os.path.join(folder, "aemo-nord", "ancien-latin1.txt"), "wb") as old:
    old.write("Visite effectuée à domicile.\n".encode("latin-1"))
with open(os.path.join(folder, "aemo-sud", "scan.pdf"), "wb") as pdf:
    pdf.write(b"%PDF-1.4\n%%EOF\n")
