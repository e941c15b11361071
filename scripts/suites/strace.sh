#!/usr/bin/env bash
# No channel but stdout, stderr and the files the user named (issue #14): runs the language server (one session with
# a document, bad messages and a command) and the CLI under `strace -f`, and fails on any socket, connect or bind, and
# on any file opened for writing other than the kernel's thread names (/proc/self/task/N/comm).
# The JIT build is run as the VS Code extension starts it (DOTNET_EnableDiagnostics=0) and once without that variable,
# where the runtime's own diagnostic socket is the only one allowed and must be unlinked at start. The native (AOT)
# build is checked when it has been published (server/bin/Release/net10.0/linux-x64/publish/notelsp).
# Usage: bash scripts/suites/strace.sh RESULTFILE
set -uo pipefail
results=${1:?usage: strace.sh RESULTFILE}
cd "$(dirname "$0")/../.."
root=$(pwd)
dll="$root/server/bin/Release/net10.0/notelsp.dll"
native="$root/server/bin/Release/net10.0/linux-x64/publish/notelsp"
# The Linux package's server, when it is the NativeAOT build (scripts/suites/platforms.sh builds it before this suite):
# the very executable that the VS Code extension runs.
if [ ! -x "$native" ] && [ "$(cat "$root/dist/server/linux-x64/KIND" 2>/dev/null)" = nativeaot ]; then
  native="$root/dist/server/linux-x64/notelsp"
fi
status=0
if ! command -v strace >/dev/null 2>&1; then
  echo "not ok - strace: strace is not installed (scripts/install-deps installs it)" >> "$results"; exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$work/session.bin" "$work/end.bin" <<'PY'
import json, sys
def frame(o):
    b = (o if isinstance(o, str) else json.dumps(o)).encode()
    return b"Content-Length: %d\r\n\r\n" % len(b) + b
m = [
  {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":None,"rootUri":None,"capabilities":{}}},
  {"jsonrpc":"2.0","method":"initialized","params":{}},
  {"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///a.md","languageId":"markdown","version":1,"text":"Théo est un délinquant. Tél. 0612345678."}}},
  {"jsonrpc":"2.0","id":2,"method":"textDocument/diagnostic","params":{"textDocument":{"uri":"file:///a.md"}}},
  {"jsonrpc":"2.0","id":9,"result":None},
  {"jsonrpc":"2.0","id":3,"method":"workspace/executeCommand","params":{"command":"nom-de-commande-inconnu"}},
  {"jsonrpc":"2.0","id":4,"method":"textDocument/hover","params":{"textDocument":None}},
  '{"jsonrpc":"2.0","id":5,"method":',
]
open(sys.argv[1], "wb").write(b"".join(frame(x) for x in m))
# An editor sends exit only once shutdown is answered; the end of the session is sent after a pause.
open(sys.argv[2], "wb").write(frame({"jsonrpc":"2.0","id":6,"method":"shutdown"}) + frame({"jsonrpc":"2.0","method":"exit"}))
PY
printf 'Contacter la mère au 0612345678.\n' > "$work/note.md"

# check NAME LOG ALLOW_DIAGNOSTIC_SOCKET
check() {
  local name=$1 log=$2 allow=$3 bad
  bad=$(grep -hE '(^|[^a-z_])(socket|connect|bind)\(' "$log"* | grep -v ' = -1 ' || true)
  if [ "$allow" = yes ]; then
    # The runtime's diagnostic socket and debugger FIFOs, made before Main, must all be unlinked at start.
    local door
    bad=$(printf '%s\n' "$bad" | grep -v 'dotnet-diagnostic-' | grep -vE 'socket\(AF_UNIX, SOCK_STREAM\|SOCK_CLOEXEC, 0\)' || true)
    for door in $(grep -ohE '(sun_path=|mknodat\(AT_FDCWD, |mknod\()"[^"]*(dotnet-diagnostic-|clr-debug-pipe-)[^"]*"' "$log"* | grep -oE '"[^"]*"' | tr -d '"' | sort -u); do
      grep -hqE "unlink(at)?\((AT_FDCWD, )?\"$door\"[^=]*= 0" "$log"* || bad="$bad $door was not unlinked"
    done
  elif grep -hqE 'mknod(at)?\(' "$log"*; then
    bad="$bad a FIFO or device node was made"
  fi
  local writes
  writes=$(grep -hE 'open(at)?\(.*O_(WRONLY|RDWR|CREAT)' "$log"* | grep -v ' = -1 ' | grep -vE '"/proc/self/task/[0-9]+/comm"' || true)
  if [ -z "$(printf '%s' "$bad$writes" | tr -d '[:space:]')" ]; then
    echo "ok - strace: $name opens no socket and writes no file" >> "$results"
  else
    echo "not ok - strace: $name" >> "$results"
    printf '%s\n%s\n' "$bad" "$writes" | head -20 | sed 's/^/  /' >&2
    status=1
  fi
}

trace() { strace -f -qq -e trace=socket,connect,bind,open,openat,creat,mknod,mknodat,unlink,unlinkat -o "$@"; }

run_lsp() { # NAME LOG ALLOW ENV... -- COMMAND...
  local name=$1 log=$2 allow=$3; shift 3
  # Standard input stays open after the session, as an editor's does: at end of input the server stops at once.
  # The end of the session is sent once the diagnostic answer is out (or after 40 s), so a loaded machine is not
  # mistaken for a silent server.
  : > "$work/out"
  { cat "$work/session.bin"
    for _ in $(seq 80); do grep -aq '"id":2,"result"' "$work/out" && break; sleep 0.5; done
    cat "$work/end.bin"; sleep 2; } | env "$@" > "$work/out" 2> "$work/err" || true
  if ! grep -aq '"id":6,"result":null' "$work/out" || ! grep -aq '"id":2,"result"' "$work/out"; then
    echo "not ok - strace: $name did not answer the diagnostic request and shutdown" >> "$results"; status=1; return
  fi
  check "$name" "$log" "$allow"
}

run_lsp "LSP (JIT, as the extension starts it)" "$work/lsp-jit.log" no DOTNET_EnableDiagnostics=0 \
  strace -f -qq -e trace=socket,connect,bind,open,openat,creat,mknod,mknodat,unlink,unlinkat -o "$work/lsp-jit.log" dotnet "$dll" lsp --stdio
run_lsp "LSP (JIT, any launcher)" "$work/lsp-any.log" yes -u DOTNET_EnableDiagnostics \
  strace -f -qq -e trace=socket,connect,bind,open,openat,creat,mknod,mknodat,unlink,unlinkat -o "$work/lsp-any.log" dotnet "$dll" lsp --stdio
(cd "$work" && DOTNET_EnableDiagnostics=0 trace "$work/cli-jit.log" dotnet "$dll" check --format json --fail-on none note.md > "$work/cli.json" 2>/dev/null)
grep -q 'privacy.identifier.phone' "$work/cli.json" && check "CLI (JIT)" "$work/cli-jit.log" no \
  || { echo "not ok - strace: CLI (JIT) gave no report" >> "$results"; status=1; }

if [ -x "$native" ]; then
  run_lsp "LSP (native AOT)" "$work/lsp-aot.log" no -u DOTNET_EnableDiagnostics \
    strace -f -qq -e trace=socket,connect,bind,open,openat,creat,mknod,mknodat,unlink,unlinkat -o "$work/lsp-aot.log" "$native" lsp --stdio
  (cd "$work" && trace "$work/cli-aot.log" "$native" check --format json --fail-on none note.md > "$work/cli-aot.json" 2>/dev/null)
  grep -q 'privacy.identifier.phone' "$work/cli-aot.json" && check "CLI (native AOT)" "$work/cli-aot.log" no \
    || { echo "not ok - strace: CLI (native AOT) gave no report" >> "$results"; status=1; }
else
  echo "ok - strace: native AOT build not published here, skipped (dotnet publish server -c Release -r linux-x64 -p:PublishAot=true)" >> "$results"
fi
exit $status
