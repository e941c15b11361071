#!/usr/bin/env bash
# The Windows package, tried as a Windows user would meet it (issue #15): the win32-x64 .vsix is built by
# scripts/package-platforms, its format is checked, and the server taken out of that very package runs under Wine:
#   - `notelsp.exe --version` gives the manifest's version;
#   - `notelsp.exe check` of a CRLF report and of a Word file, in a folder whose name has spaces and accents, gives
#     the findings of the Linux build (same rules, places and messages) and the same exit code;
#   - an LSP session with VS Code's Windows URIs (file:///z%3A/...) honours the folder's .notelsp.json, publishes the
#     Linux build's diagnostics, answers a hover and a code action, and exits 0.
# Wine stands in for Windows here; what it cannot tell (the real console, antivirus, paths over 260 characters) is
# said in docs/vscode.md.
# Usage: bash scripts/suites/windows.sh RESULTFILE
set -uo pipefail
results=${1:?usage: windows.sh RESULTFILE}
cd "$(dirname "$0")/../.."
root=$(pwd)
dll="$root/server/bin/Release/net10.0/notelsp.dll"
status=0
pass() { echo "ok - windows: $1" >> "$results"; }
fail() { echo "not ok - windows: $1" >> "$results"; status=1; }

wine=/usr/lib/wine/wine64
if [ ! -x "$wine" ]; then
  fail "Wine is not installed (scripts/install-deps installs wine64)"; exit 1
fi

echo "windows: building the win32-x64 package" >&2
if ! bash scripts/package-platforms win32-x64 > "$root/.artifacts/package-win32-x64.log" 2>&1; then
  tail -20 "$root/.artifacts/package-win32-x64.log" >&2
  fail "scripts/package-platforms win32-x64 failed"; exit 1
fi
vsix="$root/dist/notelsp-win32-x64.vsix"
python3 scripts/check-vsix-executables.py "$results" "$vsix" || status=1

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The server is the one inside the package, unpacked where a user's extension folder would hold it.
python3 - "$vsix" "$work/extension" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    for name in z.namelist():
        if name.startswith("extension/dist/server/win32-x64/"):
            z.extract(name, sys.argv[2])
PY
exe="$work/extension/extension/dist/server/win32-x64/notelsp.exe"
[ -f "$exe" ] || { fail "the package holds no notelsp.exe"; exit 1; }

# The CLR's write-xor-execute mapping trips over Wine (an internal error in a finalizer); Windows does not need this.
export WINEPREFIX="$work/prefix" WINEDEBUG=-all DOTNET_EnableWriteXorExecute=0
wexe() { timeout 120 "$wine" "$exe" "$@"; }

version=$(python3 -c 'import json; print(json.load(open("package.json"))["version"])')
got=$(wexe --version 2>/dev/null | tr -d '\r' | head -1)
[ "$got" = "$version" ] && pass "notelsp.exe --version gives the manifest's version ($got)" \
  || fail "notelsp.exe --version gave '$got', expected $version"

# The folder a Windows user would have: spaces and accents, a CRLF report, a Word file.
folder="$work/Mes documents/dossier été"
mkdir -p "$folder"
sed 's/$/\r/' examples/rapport-exemple.md > "$folder/rapport du 3 mars.md"
python3 - "$folder/note de liaison.docx" <<'PY'
import sys, zipfile
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
R = '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
body = ('<w:p><w:r><w:t xml:space="preserve">Mme D. est </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>agressive</w:t></w:r>'
        '<w:r><w:t xml:space="preserve"> et refuse ses soins.</w:t></w:r></w:p>'
        '<w:p><w:r><w:t>Joindre sa fille au 06 12 34 56 78, son père est alcoolique.</w:t></w:r></w:p>')
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
               '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
               '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    z.writestr("_rels/.rels", R + '<Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    z.writestr("word/document.xml", f'<?xml version="1.0"?><w:document {W}><w:body>{body}</w:body></w:document>')
PY

# The findings without the file's path, which is spelled differently on each system.
findings() {
  python3 -c '
import json, sys
report = json.loads(sys.stdin.buffer.read().decode("utf-8-sig"))
for f in report["files"]:
    for x in f["findings"]:
        print(x["ruleId"], x["line"], x["column"], x["endLine"], x["endColumn"], x["message"], sep="\t")
'
}
for file in "rapport du 3 mars.md" "note de liaison.docx"; do
  (cd "$folder" && dotnet "$dll" check --format json "$file" > "$work/linux.json" 2>/dev/null); linux_code=$?
  (cd "$folder" && wexe check --format json "$file" > "$work/windows.json" 2> "$work/windows.err"); windows_code=$?
  findings < "$work/linux.json" > "$work/linux.tsv" 2>/dev/null
  findings < "$work/windows.json" > "$work/windows.tsv" 2>/dev/null
  count=$(wc -l < "$work/linux.tsv")
  if [ "$count" -gt 0 ] && cmp -s "$work/linux.tsv" "$work/windows.tsv" && [ "$linux_code" = "$windows_code" ]; then
    pass "notelsp.exe check '$file' gives the Linux build's $count findings (exit $windows_code)"
  else
    fail "notelsp.exe check '$file' differs from the Linux build (exit $windows_code vs $linux_code)"
    diff "$work/linux.tsv" "$work/windows.tsv" | head -10 | sed 's/^/  /' >&2
    head -5 "$work/windows.err" | sed 's/^/  /' >&2
  fi
done

# An LSP session as VS Code on Windows holds it. Wine maps / to drive Z:, and VS Code writes the colon as %3A.
printf '{"rules":{"disabled":["identifier"]}}\n' > "$folder/.notelsp.json"
uri_of() { python3 -c 'import sys, urllib.parse; print(sys.argv[2] + urllib.parse.quote(sys.argv[1]))' "$1" "$2"; }
win_folder=$(uri_of "$folder" "file:///z%3A")
win_doc=$(uri_of "$folder/rapport du 3 mars.md" "file:///z%3A")
unix_folder=$(uri_of "$folder" "file://")
unix_doc=$(uri_of "$folder/rapport du 3 mars.md" "file://")
session=tests/windows/lsp-session.mjs
node "$session" "$win_folder" "$win_doc" "$folder/rapport du 3 mars.md" -- "$wine" "$exe" lsp --stdio \
  > "$work/windows-session.json" 2> "$work/windows-session.err"
node "$session" "$unix_folder" "$unix_doc" "$folder/rapport du 3 mars.md" -- dotnet "$dll" lsp --stdio \
  > "$work/linux-session.json" 2> "$work/linux-session.err"
if verdict=$(python3 - "$work/windows-session.json" "$work/linux-session.json" <<'PY'
import json, sys
windows, linux = (json.load(open(p)) for p in sys.argv[1:3])
codes = [d["code"] for d in windows["diagnostics"]]
problems = []
if not codes:
    problems.append("no diagnostics")
if any(c.startswith("privacy.identifier") for c in codes):
    problems.append("the folder's .notelsp.json was not honoured (identifiers still reported)")
if windows["diagnostics"] != linux["diagnostics"]:
    problems.append("diagnostics differ from the Linux build's")
if not windows["hover"]:
    problems.append("no hover")
if windows["actions"] < 1:
    problems.append("no code action")
if windows["exit"] != 0:
    problems.append(f"exit {windows['exit']}")
print("; ".join(problems) or f"{len(codes)} diagnostics, hover, {windows['actions']} actions, exit 0")
sys.exit(1 if problems else 0)
PY
); then
  pass "LSP session with Windows URIs and .notelsp.json: $verdict, as on Linux"
else
  fail "LSP session with Windows URIs: ${verdict:-no result}"
  cat "$work/windows-session.err" "$work/linux-session.err" | head -10 | sed 's/^/  /' >&2
fi
# A trusted folder: its custom pack is found from the Windows path, and disabling a rule from the editor asks for an
# edit of that folder's .notelsp.json under the URI VS Code knows it by.
trusted="$work/Mes documents/dossier confiance"
mkdir -p "$trusted/règles"
cp tests/e2e-vscode/fixtures/confiance/regles/maison.yaml "$trusted/règles/maison.yaml"
printf 'Le gamin est arrivé en retard à la visite.\r\n' > "$trusted/note.md"
trusted_uri=$(uri_of "$trusted" "file:///z%3A")
node "$session" --custom-pack "règles/maison.yaml" --disable-first "$trusted_uri" "$(uri_of "$trusted/note.md" "file:///z%3A")" \
  "$trusted/note.md" -- "$wine" "$exe" lsp --stdio > "$work/trusted-session.json" 2> "$work/trusted-session.err"
if verdict=$(python3 - "$work/trusted-session.json" "$trusted_uri/.notelsp.json" <<'PY'
import json, sys
session, expected = json.load(open(sys.argv[1])), sys.argv[2]
codes = [d["code"] for d in session["diagnostics"]]
problems = []
if codes[:1] != ["dignity.maison.gamin"]:
    problems.append(f"the custom pack's rule was not reported first (got {codes})")
if expected not in session["editUris"]:
    problems.append(f"the disable-rule edit names {session['editUris']}, not {expected}")
if session["exit"] != 0:
    problems.append(f"exit {session['exit']}")
print("; ".join(problems) or "custom pack found, disable-rule edit on the folder's .notelsp.json")
sys.exit(1 if problems else 0)
PY
); then
  pass "LSP session in a trusted folder with a Windows URI: $verdict"
else
  fail "LSP session in a trusted folder: ${verdict:-no result}"
  head -10 "$work/trusted-session.err" | sed 's/^/  /' >&2
fi
exit $status
