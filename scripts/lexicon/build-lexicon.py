#!/usr/bin/env python3
"""Convert Grammalecte's French lexicon (an FSA in JSON) into the compact binary that rules/ embeds.

Run at development time only, when the source lexicon changes:

    python3 scripts/lexicon/build-lexicon.py            # writes rules/Morphology/Data/fr-lexicon.bin
    python3 scripts/lexicon/build-lexicon.py --sample   # also rewrites the test sample checked against Grammalecte

The output is committed, so that a fresh machine builds with the .NET SDK alone. Nothing here runs at run time.

Source: Debian package python3-grammalecte, graphspell/_dictionaries/fr-allvars.json, the Dicollecte lexicon
(MPL 2.0, see rules/Morphology/LEXICON-LICENSE.md). The FSA is copied as it is (same arcs, same addresses divided by
two), so that the C# reader (rules/Morphology/LexiconGraph.cs) is a line-by-line port of ibdawg.py's lookup.

Binary layout, little endian (version 1):
    "CNLX" u16 version
    str source description (dictionary name, date)
    u16 nChar, then nChar u16 code units: the character of arc values 1..nChar
    u16 nArcVal, then nArcVal strings: lArcVal (characters, suffix codes, tags)
    u16 nAff: arc values nChar+1 .. nChar+nAff are suffix codes, the rest are tags
    u32 nArc, then nArc records of 5 bytes: u16 value and flags (bit 15 final node, bit 14 last arc), u24 target arc
    u16 nRule, then nRule records: str lemma ending, str form ending (inflection rules of nouns and adjectives,
        most frequent first; see Inflect in FrenchLexicon.cs)
    str = u16 byte length + UTF-8 bytes
"""
import argparse
import collections
import json
import os
import random
import struct
import sys

SOURCE = "/usr/lib/python3/dist-packages/grammalecte/graphspell/_dictionaries/fr-allvars.json"
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
OUTPUT = os.path.join(ROOT, "rules", "Morphology", "Data", "fr-lexicon.bin")
SAMPLE = os.path.join(ROOT, "tests", "Cnaemo.NoteLsp.Rules.Tests", "Morphology", "Data", "grammalecte-sample.tsv")
SAMPLE_CASE = os.path.join(ROOT, "tests", "Cnaemo.NoteLsp.Rules.Tests", "Morphology", "Data", "grammalecte-sample-capitals.tsv")

FINAL, LAST = 1 << 23, 1 << 22
VALUE_MASK = (1 << 21) - 1


def encode_string(text):
    data = text.encode("utf-8")
    if len(data) > 0xFFFF:
        raise ValueError("string too long")
    return struct.pack("<H", len(data)) + data


def suffix_code_apply(word, code):
    """Grammalecte's changeWordWithSuffixCode, used here to enumerate (form, lemma, tag)."""
    if code == "0":
        return word
    return word[:-(ord(code[0]) - 48)] + code[1:] if code[0] != "0" else word + code[1:]


def enumerate_entries(data):
    """Every (form, lemma, tag) of the FSA, by a depth-first walk (the same as ibdawg.select)."""
    by_dic, arc_val, n_char = data["lByDic"], data["lArcVal"], data["nChar"]

    def arcs(address):
        while True:
            raw = by_dic[address]
            yield raw & VALUE_MASK, by_dic[address + 1]
            if raw & LAST:
                return
            address += 2

    stack = [(0, "")]
    while stack:
        address, word = stack.pop()
        for value, target in arcs(address):
            if value <= n_char:
                stack.append((target, word + arc_val[value]))
            else:
                lemma = suffix_code_apply(word, arc_val[value])
                for tag_value, _ in arcs(target):
                    yield word, lemma, arc_val[tag_value]


def inflection_rules(data):
    """The endings that turn a noun or adjective lemma into each of its forms, most frequent first."""
    counts = collections.Counter()
    for form, lemma, tag in enumerate_entries(data):
        parts = tag.split("/")[0].split(";")[0].split("#")[0].split(":")
        if "N" not in parts and "A" not in parts:
            continue
        common = 0
        while common < min(len(form), len(lemma)) and form[common] == lemma[common]:
            common += 1
        counts[(lemma[common:], form[common:])] += 1
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def build(data):
    n_char, n_aff = data["nChar"], data["nAff"]
    arc_val = data["lArcVal"]
    by_dic = data["lByDic"]
    if data["cStemming"] != "S" or data["nBytesArc"] != 3 or data["nBytesNodeAddress"] != 3:
        raise SystemExit("unexpected lexicon layout; update build-lexicon.py and LexiconGraph.cs together")
    chars = [None] * (n_char + 1)
    for char, value in data["dChar"].items():
        chars[value] = char
    out = bytearray(b"CNLX")
    out += struct.pack("<H", 1)
    out += encode_string(f"{data['sDicName']} {data['sDescription']} ({data['sDate']}), Grammalecte 2.1.2 (Debian python3-grammalecte 2.1.2+ds2-2)")
    out += struct.pack("<H", n_char)
    for value in range(1, n_char + 1):
        if len(chars[value]) != 1 or ord(chars[value]) > 0xFFFF:
            raise SystemExit(f"character {chars[value]!r} is not one UTF-16 code unit")
        out += struct.pack("<H", ord(chars[value]))
    out += struct.pack("<H", len(arc_val))
    for text in arc_val:
        out += encode_string(text)
    out += struct.pack("<H", n_aff)
    if len(by_dic) % 2:
        raise SystemExit("lByDic has an odd length")
    out += struct.pack("<I", len(by_dic) // 2)
    for i in range(0, len(by_dic), 2):
        raw, target = by_dic[i], by_dic[i + 1]
        value = raw & VALUE_MASK
        if value >= 1 << 14 or target % 2 or target // 2 >= 1 << 24:
            raise SystemExit("arc value or target out of range")
        packed = value | (0x8000 if raw & FINAL else 0) | (0x4000 if raw & LAST else 0)
        out += struct.pack("<H", packed) + (target // 2).to_bytes(3, "little")
    rules = inflection_rules(data)
    out += struct.pack("<H", len(rules))
    for (lemma_ending, form_ending), _ in rules:
        out += encode_string(lemma_ending) + encode_string(form_ending)
    return bytes(out), rules


def write_sample(count=1000, seed=12):
    """A fixed sample of forms with the analyses Grammalecte's own reader gives, for the C# comparison test."""
    sys.path.insert(0, "/usr/lib/python3/dist-packages")
    from grammalecte.graphspell.ibdawg import IBDAWG  # noqa: E402 - optional, only for the sample

    reader = IBDAWG("fr-allvars.json")
    data = json.load(open(SOURCE, encoding="utf-8"))
    forms = sorted({form for form, _, _ in enumerate_entries(data)})
    rng = random.Random(seed)
    chosen = rng.sample(forms, count)
    # Words the tests name, and a few unknown ones, so that the sample also checks misses.
    chosen += ["menteuse", "frappe", "agressives", "démente", "hache", "homme", "œil", "aujourd’hui",
               "xqzwv", "agressivve", "Paris", "PARIS"]
    os.makedirs(os.path.dirname(SAMPLE), exist_ok=True)
    with open(SAMPLE, "w", encoding="utf-8", newline="\n") as out:
        out.write("# form<TAB>analyses by Grammalecte's ibdawg._morph (exact look-up), '|' separated; generated by\n")
        out.write("# scripts/lexicon/build-lexicon.py --sample from fr-allvars.json; do not edit.\n")
        for form in chosen:
            out.write(form + "\t" + "|".join(reader._morph(form)) + "\n")
    # Capitals: getMorph also reads a capitalised word in lower case, and a word in capitals capitalised.
    with open(SAMPLE_CASE, "w", encoding="utf-8", newline="\n") as out:
        out.write("# word<TAB>analyses by Grammalecte's ibdawg.getMorph (capitals lowered), '|' separated; generated by\n")
        out.write("# scripts/lexicon/build-lexicon.py --sample from fr-allvars.json; do not edit.\n")
        for form in chosen[:300]:
            for word in (form.upper(), form[:1].upper() + form[1:]):
                if word != form:
                    out.write(word + "\t" + "|".join(reader.getMorph(word)) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source", default=SOURCE)
    parser.add_argument("--sample", action="store_true", help="also rewrite the test sample")
    args = parser.parse_args()
    with open(args.source, encoding="utf-8") as handle:
        data = json.load(handle)
    blob, rules = build(data)
    os.makedirs(os.path.dirname(OUTPUT), exist_ok=True)
    with open(OUTPUT, "wb") as out:
        out.write(blob)
    print(f"{OUTPUT}: {len(blob)} bytes, {data['nArc']} arcs, {len(data['lArcVal'])} values, {len(rules)} inflection rules")
    if args.sample:
        write_sample()
        print(f"{SAMPLE}, {SAMPLE_CASE}: written")


if __name__ == "__main__":
    main()
