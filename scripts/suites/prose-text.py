#!/usr/bin/env python3
"""Builds a deterministic sample of ordinary French prose from two Debian packages, for the precision gate.

usage: prose-text.py OUTDIR [--kb N]

- manpages-fr-dev: the French manual pages of sections 2 and 3, formatted with groff (one groff run per batch, so
  that 2 cores are enough), wrapped lines joined back into paragraphs;
- libreoffice-help-fr: the French LibreOffice help pages (HTML), reduced to their headings, paragraphs, list items
  and table cells with the standard library's HTML parser.

Both are text about no person: a semantic finding in them is a false alarm. Files are read in sorted order and the
sample stops at about N KB from each package (default 700), so the same machine state always gives the same text.
Writes OUTDIR/manpages.txt and OUTDIR/libreoffice-help.txt, one paragraph per line, and prints their sizes.
"""
import glob
import gzip
import html.parser
import os
import re
import subprocess
import sys

MAN_DIRS = ["/usr/share/man/fr/man2", "/usr/share/man/fr/man3"]
HELP_ROOT = "/usr/share/libreoffice/help/fr/text"


def paragraphs_from_groff(text):
    # groff indents and wraps; a blank line separates paragraphs. Page headers and footers repeat the page name and
    # are dropped, since the same short line a thousand times would not be prose.
    out, current = [], []
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            if current:
                out.append(" ".join(current))
                current = []
            continue
        if current and current[-1].endswith("\u2010"):
            # A word that groff still cut at a line end (a hyphenation point written in the page source).
            current[-1] = current[-1][:-1] + line
        else:
            current.append(line)
    if current:
        out.append(" ".join(current))
    header = re.compile(r"^\S+\(\d\w*\)\s.*\S+\(\d\w*\)$|^Pages du manuel|^Linux man-pages|^Linux \d")
    return [re.sub(r"\s+", " ", p) for p in out if not header.match(p)]


def man_sample(limit):
    pages = sorted(p for d in MAN_DIRS for p in glob.glob(os.path.join(d, "*.gz")))
    result, size, batch = [], 0, []

    def flush():
        nonlocal size
        if not batch:
            return
        source = b"".join(gzip.open(p).read() + b"\n" for p in batch)
        # -k runs preconv, which reads the UTF-8 sources correctly; -rHY=0 turns hyphenation off so that words are
        # not cut at line ends; the output stays plain UTF-8 without overstrikes.
        run = subprocess.run(["groff", "-k", "-man", "-rHY=0", "-Tutf8", "-P-cbou"], input=source, capture_output=True,
                             env=dict(os.environ, LC_ALL="C.UTF-8", MANWIDTH="100"), check=False)
        for para in paragraphs_from_groff(run.stdout.decode("utf-8", "replace")):
            if size >= limit:
                break
            result.append(para)
            size += len(para.encode("utf-8")) + 1
        batch.clear()

    for page in pages:
        if size >= limit:
            break
        batch.append(page)
        if len(batch) == 50:
            flush()
    flush()
    return result


class HelpText(html.parser.HTMLParser):
    # Only the visible text of the help body counts: headings, paragraphs, list items and table cells. Scripts,
    # styles, the navigation header and the side panels are skipped.
    BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th"}
    SKIP = {"script", "style", "header", "aside", "nav"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks, self.current, self.skip = [], [], 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skip += 1
        elif tag in self.BLOCKS:
            self.end_block()

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in self.BLOCKS:
            self.end_block()

    def handle_data(self, data):
        if not self.skip:
            self.current.append(data)

    def end_block(self):
        text = re.sub(r"\s+", " ", "".join(self.current)).strip()
        if text:
            self.blocks.append(text)
        self.current = []


def help_sample(limit):
    # The "guide" pages (how to do a task) are the most prose-like, so they come first; then every other page.
    pages = sorted(glob.glob(os.path.join(HELP_ROOT, "**", "*.html"), recursive=True),
                   key=lambda p: (0 if "/guide/" in p else 1, p))
    result, size = [], 0
    for page in pages:
        if size >= limit:
            break
        parser = HelpText()
        with open(page, encoding="utf-8", errors="replace") as f:
            parser.feed(f.read())
        parser.end_block()
        for block in parser.blocks:
            # Very short blocks are button labels and table headings; a line of prose has a few words at least.
            if len(block.split()) < 4:
                continue
            result.append(block)
            size += len(block.encode("utf-8")) + 1
    return result


def main(argv):
    if not argv:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    out = argv[0]
    kb = int(argv[argv.index("--kb") + 1]) if "--kb" in argv else 700
    os.makedirs(out, exist_ok=True)
    total = 0
    for name, lines in (("manpages.txt", man_sample(kb * 1000)), ("libreoffice-help.txt", help_sample(kb * 1000))):
        path = os.path.join(out, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        total += os.path.getsize(path)
        print(f"{name}: {os.path.getsize(path) // 1000} KB, {len(lines)} paragraphs")
    # A machine whose dpkg configuration drops /usr/share/man or the help files would give a small sample that
    # passes the gate too easily, so a sample under 1 MB is an error rather than a measurement.
    if total < 1_000_000:
        print(f"the prose sample is only {total // 1000} KB; the gate needs at least 1 MB", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
