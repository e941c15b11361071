#!/usr/bin/env python3
"""Checks that the real-text corpus is well formed and that its split holds (usage: check.py [CORPUSDIR]).

- every line of dev.tsv and holdout.tsv has three tab-separated columns and only categories of the closed list;
- ids are unique across both sides and each has exactly one source in sources.tsv;
- every source family sits on one side only, the side recorded in split.tsv, so that no quoted comment seen in
  dev.tsv can reappear in the holdout;
- no text appears twice.
Prints one line per problem and exits 1 when there is any, so that a broken corpus never scores silently.
"""
import os
import sys

CATEGORIES = {"identifier", "health", "origin", "religion", "sexual-life", "political", "union", "criminal",
              "third-party", "insult", "judgement", "essentialising", "lay-diagnosis", "hearsay",
              "generalisation", "typography", "placeholder"}


def rows(path):
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if line.strip() and not line.startswith("#"):
                yield n, line.split("\t")


def main(folder):
    problems = []
    sources, split = {}, {}
    for n, cols in rows(os.path.join(folder, "sources.tsv")):
        if len(cols) != 4 or not cols[2].startswith("http"):
            problems.append(f"sources.tsv:{n}: expected id, family, URL, title")
            continue
        if cols[0] in sources:
            problems.append(f"sources.tsv:{n}: id {cols[0]} has two sources")
        sources[cols[0]] = cols[1]
    for n, cols in rows(os.path.join(folder, "split.tsv")):
        if len(cols) != 2 or cols[1] not in ("dev", "holdout"):
            problems.append(f"split.tsv:{n}: expected family, dev|holdout")
            continue
        split[cols[0]] = cols[1]
    seen_ids, seen_texts = set(), set()
    for side in ("dev", "holdout"):
        for n, cols in rows(os.path.join(folder, f"{side}.tsv")):
            where = f"{side}.tsv:{n}"
            if len(cols) != 3:
                problems.append(f"{where}: expected 3 tab-separated columns")
                continue
            ident, cats, text = cols
            if ident in seen_ids:
                problems.append(f"{where}: duplicate id {ident}")
            seen_ids.add(ident)
            if cats != "-":
                unknown = {c for c in cats.split(",")} - CATEGORIES
                if unknown:
                    problems.append(f"{where}: unknown categories {sorted(unknown)}")
            if text in seen_texts:
                problems.append(f"{where}: duplicate text")
            seen_texts.add(text)
            family = sources.get(ident)
            if family is None:
                problems.append(f"{where}: {ident} has no source in sources.tsv")
            elif split.get(family) != side:
                problems.append(f"{where}: family {family} belongs to {split.get(family)}, not {side}")
    for p in problems:
        print(p)
    print(f"corpus check: {len(seen_ids)} lines, {len(set(sources.values()))} source families, "
          f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))))
