#!/usr/bin/env python3
"""Opens one document in a language server and prints its peak resident memory once the diagnostics are published.

Usage: memory-lsp.py DOCUMENT -- SERVER-COMMAND...
Prints "peak_kb=N diagnostics=M seconds=S" and exits 0, or names what went wrong and exits 1. The server's standard
error is discarded; nothing of the document is printed.
"""
import json
import os
import subprocess
import sys
import threading
import time


def frame(message):
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def read_messages(stream, out):
    while True:
        length = None
        while True:
            line = stream.readline()
            if not line:
                return
            line = line.strip()
            if not line:
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        if length is None:
            return
        out.append(json.loads(stream.read(length)))


def peak_kb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def main():
    if "--" not in sys.argv or sys.argv.index("--") != 2:
        print(__doc__, file=sys.stderr)
        return 2
    document, command = sys.argv[1], sys.argv[3:]
    text = open(document, encoding="utf-8").read()
    uri = "file://" + os.path.abspath(document)
    server = subprocess.Popen(command + ["lsp", "--stdio"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    messages = []
    reader = threading.Thread(target=read_messages, args=(server.stdout, messages), daemon=True)
    reader.start()
    started = time.monotonic()
    server.stdin.write(frame({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": None, "rootUri": None, "capabilities": {},
                                                                                            "initializationOptions": {"settings": {"debounceMs": 0}}}}))
    server.stdin.write(frame({"jsonrpc": "2.0", "method": "initialized", "params": {}}))
    server.stdin.write(frame({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}}))
    server.stdin.flush()
    del text
    published = None
    while time.monotonic() - started < 240 and server.poll() is None:
        for message in list(messages):
            if message.get("method") == "textDocument/publishDiagnostics" and message["params"].get("version") == 1:
                published = message
        if published:
            break
        time.sleep(0.2)
    if not published:
        print("memory-lsp: no diagnostics published" + (" (the server ended)" if server.poll() is not None else " within 240 s"), file=sys.stderr)
        server.kill()
        return 1
    seconds = time.monotonic() - started
    peak = peak_kb(server.pid)
    server.stdin.write(frame({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}) + frame({"jsonrpc": "2.0", "method": "exit"}))
    server.stdin.flush()
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()
    print(f"peak_kb={peak} diagnostics={len(published['params']['diagnostics'])} seconds={seconds:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
