#!/usr/bin/env bash
# Hostile files and folders (issue #14): each case must end within 10 s, under 1 GB of memory, with the expected exit
# code and a clear message. FIFOs, links to /dev/zero, symbolic-link loops, an unreadable folder, a 2 GiB file, Office
# amplification documents, and a language server whose .notelsp.json is /dev/zero or a FIFO.
# Usage: bash scripts/suites/hostile.sh RESULTFILE
set -uo pipefail
results=${1:?usage: hostile.sh RESULTFILE}
cd "$(dirname "$0")/../.."
root=$(pwd)
dll="$root/server/bin/Release/net10.0/notelsp.dll"
status=0
work=$(mktemp -d)
chmod 755 "$work"
trap 'chmod -R u+rwx "$work" 2>/dev/null; rm -rf "$work"' EXIT
cd "$work"
printf 'Contacter la mère au 0612345678.\n' > ok.md

# case NAME EXPECTED_EXIT EXPECTED_TEXT COMMAND...: time and peak memory from GNU time.
case_() {
  local name=$1 expected=$2 text=$3; shift 3
  local code secs kb
  timeout 20 /usr/bin/time -f '%e %M' -o "$work/time" "$@" > "$work/out" 2> "$work/err"
  code=$?
  read -r secs kb < <(tail -1 "$work/time" 2>/dev/null) || { secs=99; kb=0; }
  if [ "$code" = "$expected" ] && grep -q -- "$text" "$work/out" "$work/err" \
     && awk -v s="$secs" -v k="$kb" 'BEGIN { exit !(s <= 10 && k <= 1048576) }'; then
    echo "ok - hostile: $name (exit $code, ${secs} s, $((kb / 1024)) MB)" >> "$results"
  else
    echo "not ok - hostile: $name (exit $code, expected $expected, ${secs} s, $((kb / 1024)) MB)" >> "$results"
    head -5 "$work/err" | sed 's/^/  /' >&2
    status=1
  fi
}
check() { case_ "$1" "$2" "$3" dotnet "$dll" check "${@:4}"; }

mkfifo tube.md
check "a FIFO named on the command line" 2 "pas un fichier ordinaire" tube.md ok.md
mkdir -p dossier/sous && cp ok.md dossier/ && mkfifo dossier/tube.txt
check "a FIFO inside a folder is skipped" 1 "ok.md:1:22" dossier
ln -s /dev/zero zero.md
check "a link to /dev/zero as a document" 2 "pas un fichier ordinaire" zero.md ok.md
check "--rules /dev/zero" 2 "pack de règles invalide" --rules /dev/zero ok.md
mkdir -p boucle/a boucle/b && cp ok.md boucle/a/ && ln -s ../b boucle/a/vers-b && ln -s ../a boucle/b/vers-a && ln -s . boucle/a/moi
check "two symbolic-link loops" 1 "ok.md:1:22" boucle
mkdir -p fermé && cp ok.md fermé/ && chmod 000 fermé && cp ok.md lisible.md
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null 2>&1; then
  # root reads every folder: the case runs as nobody, who can read the rest of this folder. The server is copied to a
  # folder nobody can read, because the checkout may sit under a private one (mktemp -d makes it 700).
  server_copy=$(mktemp -d)
  cp -r "$(dirname "$dll")/." "$server_copy/" && chmod -R a+rX "$server_copy"
  case_ "an unreadable folder is named and the walk goes on" 2 "dossier illisible" \
    setpriv --reuid=65534 --regid=65534 --clear-groups env HOME=/tmp DOTNET_CLI_HOME=/tmp dotnet "$server_copy/notelsp.dll" check .
  rm -rf "$server_copy"
else
  check "an unreadable folder is named and the walk goes on" 2 "dossier illisible" .
fi
chmod 755 fermé
truncate -s 2148532224 énorme.txt
check "a 2 GiB file" 2 "trop volumineux" énorme.txt ok.md
rm -f énorme.txt
python3 - <<'PY'
import zipfile
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
R = '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
def docx(name, body, rels="", parts=()):
    with zipfile.ZipFile(name, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("_rels/.rels", R + '<Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml", f'<?xml version="1.0"?><w:document {W}><w:body>{body}</w:body></w:document>')
        z.writestr("word/_rels/document.xml.rels", R + rels + "</Relationships>")
        for n, x in parts:
            z.writestr(n, x)
header = f'<w:hdr {W}><w:p><w:r><w:t>' + "a" * (20 << 20) + '</w:t></w:r></w:p></w:hdr>'
rels = "".join(f'<Relationship Id="h{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>' for i in range(200))
docx("entete-200-fois.docx", "<w:p><w:r><w:t>Bonjour.</w:t></w:r></w:p>", rels, [("word/header1.xml", header)])
docx("paragraphes-vides.docx", "<w:p/>" * 10_000_000)
PY
check "a 20 MB header referenced 200 times" 0 "Aucun" --fail-on none entete-200-fois.docx
check "a document of 10 million empty paragraphs" 2 "paragraphes : il n.est pas lu" paragraphes-vides.docx

# The language server with a hostile .notelsp.json answers initialize and shutdown.
lsp_case() {
  local name=$1
  python3 - "$work/session" <<'PY'
import json, sys
def f(o):
    b = json.dumps(o).encode(); return b"Content-Length: %d\r\n\r\n" % len(b) + b
open(sys.argv[1], "wb").write(f({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":None,"rootUri":"file:///proc/self/cwd/ws/","capabilities":{}}}) + f({"jsonrpc":"2.0","method":"initialized","params":{}}) + f({"jsonrpc":"2.0","id":2,"method":"shutdown"}))
PY
  (cd "$work" && { cat "$work/session"; sleep 3; } | timeout 20 /usr/bin/time -f '%e %M' -o "$work/time" dotnet "$dll" lsp --stdio > "$work/out" 2> "$work/err")
  local secs kb
  read -r secs kb < <(tail -1 "$work/time" 2>/dev/null) || { secs=99; kb=0; }
  if grep -aq '"id":2,"result":null' "$work/out" && grep -q "notelsp.json ignoré" "$work/err" && [ "$kb" -le 1048576 ]; then
    echo "ok - hostile: LSP with $name (${secs} s with 3 s of open input, $((kb / 1024)) MB)" >> "$results"
  else
    echo "not ok - hostile: LSP with $name (${secs} s, $((kb / 1024)) MB)" >> "$results"; head -5 "$work/err" | sed 's/^/  /' >&2; status=1
  fi
}
mkdir -p ws && ln -s /dev/zero ws/.notelsp.json
lsp_case ".notelsp.json -> /dev/zero"
rm ws/.notelsp.json && mkfifo ws/.notelsp.json
lsp_case ".notelsp.json as a FIFO"
rm ws/.notelsp.json && ln -s /etc/hostname ws/.notelsp.json
lsp_case ".notelsp.json -> a file outside the workspace"
exit $status
