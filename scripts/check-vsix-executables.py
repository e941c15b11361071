#!/usr/bin/env python3
"""Checks that each platform package carries an executable of the right format for its system (issue #15).

Usage: check-vsix-executables.py RESULTFILE dist/notelsp-TARGET.vsix...
For each package: the server of its own target is inside and no other's, the executable's format (ELF, PE or
Mach-O) and machine match the target, and no debug file (.pdb, .dbg) is shipped. Appends "ok - ..." / "not ok - ..."
lines to RESULTFILE and exits 1 when one fails.
"""
import re
import struct
import sys
import zipfile

# What the first bytes of an executable say about its system and processor.
ELF_MACHINES = {0x3E: "x64", 0xB7: "arm64"}
PE_MACHINES = {0x8664: "x64", 0xAA64: "arm64"}
MACHO_CPUS = {0x01000007: "x64", 0x0100000C: "arm64"}


def describe(head: bytes):
    """(system, arch) of an executable from its header, or None when it is none of the three formats."""
    if head[:4] == b"\x7fELF":
        return "linux", ELF_MACHINES.get(struct.unpack_from("<H", head, 18)[0], "?")
    if head[:2] == b"MZ":
        offset = struct.unpack_from("<I", head, 0x3C)[0]
        if head[offset:offset + 4] == b"PE\0\0":
            return "win32", PE_MACHINES.get(struct.unpack_from("<H", head, offset + 4)[0], "?")
    if head[:4] == b"\xcf\xfa\xed\xfe":
        return "darwin", MACHO_CPUS.get(struct.unpack_from("<I", head, 4)[0], "?")
    return None


def check(path: str):
    target = re.search(r"notelsp-([a-z0-9]+-[a-z0-9]+)\.vsix$", path)
    if not target:
        return [f"not ok - platform package {path}: the name does not say its target"]
    target = target.group(1)
    system, arch = target.split("-")
    name = f"extension/dist/server/{target}/notelsp" + (".exe" if system == "win32" else "")
    lines = []
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        others = sorted({n.split("/")[3] for n in names if n.startswith("extension/dist/server/")} - {target})
        debug = [n for n in names if n.endswith((".pdb", ".dbg"))]
        if name not in names:
            return [f"not ok - platform package {target}: {name} is missing"]
        with archive.open(name) as executable:
            head = executable.read(4096)
        found = describe(head)
        size = sum(archive.getinfo(n).file_size for n in names if n.startswith(f"extension/dist/server/{target}/"))
    if found == (system, arch):
        lines.append(f"ok - platform package {target}: {found[0]}-{found[1]} executable inside, server {size / 1e6:.1f} MB unpacked")
    else:
        lines.append(f"not ok - platform package {target}: the executable is {found} instead of {(system, arch)}")
    lines.append(("not ok" if others else "ok") + f" - platform package {target}: no other system's server" + (f" ({', '.join(others)})" if others else ""))
    lines.append(("not ok" if debug else "ok") + f" - platform package {target}: no debug files" + (f" ({len(debug)})" if debug else ""))
    return lines


def main():
    results, packages = sys.argv[1], sys.argv[2:]
    lines = [line for package in packages for line in check(package)] or ["not ok - platform packages: none given"]
    with open(results, "a", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    print("\n".join(lines))
    return 1 if any(line.startswith("not ok") for line in lines) else 0


if __name__ == "__main__":
    sys.exit(main())
