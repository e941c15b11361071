#!/usr/bin/env python3
"""Builds tests/corpus/{dev,holdout,sources,split}.tsv from the staging files (usage: split.py STAGEDIR OUTDIR).

The staging files (sources.txt: key, family, URL, title; lines.txt: key, categories, text; header.txt) are kept out
of the repository, since one file holding every line would put the holdout in plain sight under another name.

The split is drawn at random by source family (one affair or one document reported by several pages counts as one
family), so that the same quoted comment never sits on both sides. The seed is fixed so that the split is stable
when lines are added to existing families; a new family is drawn when it first appears.
"""
import hashlib, sys, os
stage, out = sys.argv[1], sys.argv[2]
src = {}
for raw in open(os.path.join(stage, "sources.txt"), encoding="utf-8"):
    if raw.strip():
        key, fam, url, title = raw.rstrip("\n").split("\t")
        src[key] = (fam, url, title)
rows = []
seen = set()
for n, raw in enumerate(open(os.path.join(stage, "lines.txt"), encoding="utf-8"), 1):
    if not raw.strip():
        continue
    key, cats, text = raw.rstrip("\n").split("\t")
    assert key in src, f"line {n}: unknown source {key}"
    assert text not in seen, f"line {n}: duplicate text {text}"
    seen.add(text)
    rows.append((key, cats, text))

# A family keeps its side once drawn, so that no line rule writers have seen in dev.tsv ever moves to the holdout.
# The draws are recorded in split.tsv (family -> side). A new family is drawn at random (a hash of its name), and
# the draw is corrected when one side runs more than 5 points away from 60/40 by lines.
split_path = os.path.join(out, "split.tsv")
assigned = {}
if os.path.exists(split_path):
    for raw in open(split_path, encoding="utf-8"):
        if raw.strip() and not raw.startswith("#"):
            fam, where = raw.rstrip("\n").split("\t")
            assigned[fam] = where
lines_of = {}
for key, _, _ in rows:
    lines_of[src[key][0]] = lines_of.get(src[key][0], 0) + 1
for fam in sorted(lines_of, key=lambda f: hashlib.sha256(("cnaemo-corpus-1:" + f).encode()).hexdigest()):
    if fam in assigned:
        continue
    total = sum(lines_of[f] for f in assigned) or 1
    held = sum(lines_of[f] for f in assigned if assigned[f] == "holdout") / total
    draw = int(hashlib.sha256(("cnaemo-corpus-1:" + fam).encode()).hexdigest(), 16) % 100
    where = "holdout" if draw < 40 else "dev"
    if held > 0.45:
        where = "dev"
    elif held < 0.35:
        where = "holdout"
    assigned[fam] = where

def side(fam):
    return assigned[fam]

header = open(os.path.join(stage, "header.txt"), encoding="utf-8").read()
files = {"dev": [], "holdout": []}
sources = []
for i, (key, cats, text) in enumerate(rows, 1):
    fam, url, title = src[key]
    ident = f"R{i:04d}"
    files[side(fam)].append(f"{ident}\t{cats}\t{text}")
    sources.append(f"{ident}\t{fam}\t{url}\t{title}")
for name, lines in files.items():
    with open(os.path.join(out, f"{name}.tsv"), "w", encoding="utf-8") as f:
        f.write(header.replace("@SIDE@", name))
        f.write("\n".join(lines) + "\n")
with open(os.path.join(out, "sources.tsv"), "w", encoding="utf-8") as f:
    f.write("# id\tsource family\tURL\ttitle (one source per corpus line)\n")
    f.write("\n".join(sources) + "\n")
with open(split_path, "w", encoding="utf-8") as f:
    f.write("# source family -> corpus side; drawn once, never moved (see docs/quality.md)\n")
    for fam in sorted(assigned):
        f.write(f"{fam}\t{assigned[fam]}\n")
for name, lines in files.items():
    pos = sum(1 for l in lines if l.split("\t")[1] != "-")
    print(f"{name}: {len(lines)} lines, {pos} positive, {len(lines)-pos} clean, families {len({src[k][0] for k,_,_ in rows if side(src[k][0])==name})}")
