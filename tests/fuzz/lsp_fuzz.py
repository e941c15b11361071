#!/usr/bin/env python3
"""Fuzzes the language server over stdio (issue #14).

Sends mutated frames (headers, bodies, protocol fields and sequences) to `notelsp lsp --stdio`, and after each one a
probe request that must be answered. A server that exits is a death, a probe left unanswered for PROBE_SECONDS is a
hang; either is a failure, its frame is written to the failures folder (to be added to tests/fuzz/corpus/ as a
regression), and the server is restarted. The frames of the corpus are replayed first. The run stops after a fixed
budget of seconds; its seed, printed, replays it exactly. A word of the test document must never appear on stderr or
in window/logMessage: document text stays out of the logs.

Usage: lsp_fuzz.py --server "dotnet server/bin/Release/net10.0/notelsp.dll" [--seconds 60] [--seed N] [--failures DIR]
"""
import argparse, copy, json, os, random, shlex, subprocess, sys, threading, time

SECRET = "Zorglubette"
PROBE_SECONDS = 10
HERE = os.path.dirname(os.path.abspath(__file__))
DOC = "file:///fuzz/note.md"
TEXT = f"# Note\n\n{SECRET} est agressive. Tél. 0612345678.\n\nElle a vu le psychiatre.\n"


def frame(body: bytes, length=None) -> bytes:
    return b"Content-Length: %d\r\n\r\n" % (len(body) if length is None else length) + body


def seeds():
    """Messages a client may send, valid or nearly so; mutations start from them."""
    pos = {"line": 2, "character": 3}
    rng = {"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 11}}
    return [
        {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": DOC, "languageId": "markdown", "version": 1, "text": TEXT}}},
        {"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": DOC, "version": 2}, "contentChanges": [{"range": rng, "text": "Mme X"}]}},
        {"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": DOC, "version": 3}, "contentChanges": [{"text": TEXT}]}},
        {"jsonrpc": "2.0", "id": 1000, "method": "textDocument/hover", "params": {"textDocument": {"uri": DOC}, "position": pos}},
        {"jsonrpc": "2.0", "id": 1001, "method": "textDocument/codeAction", "params": {"textDocument": {"uri": DOC}, "range": rng, "context": {"diagnostics": []}}},
        {"jsonrpc": "2.0", "id": 1002, "method": "textDocument/diagnostic", "params": {"textDocument": {"uri": DOC}}},
        {"jsonrpc": "2.0", "id": 1003, "method": "codeAction/resolve", "params": {"title": "x", "data": {"uri": DOC, "version": 1}}},
        {"jsonrpc": "2.0", "id": 1004, "method": "workspace/executeCommand", "params": {"command": "notelsp.documentSummary", "arguments": [DOC]}},
        {"jsonrpc": "2.0", "id": 1005, "method": "workspace/executeCommand", "params": {"command": "notelsp.maskAllIdentifiers", "arguments": [DOC]}},
        {"jsonrpc": "2.0", "id": 1006, "method": "workspace/executeCommand", "params": {"command": "notelsp.pseudonymise", "arguments": [DOC]}},
        {"jsonrpc": "2.0", "method": "workspace/didChangeConfiguration", "params": {"settings": {"notelsp": {"debounceMs": 0, "rules": {"disabled": ["health"], "severity": {"dignity": "hint"}}}}}},
        {"jsonrpc": "2.0", "method": "workspace/didChangeWatchedFiles", "params": {"changes": [{"uri": "file:///fuzz/.notelsp.json", "type": 2}]}},
        {"jsonrpc": "2.0", "method": "notelsp/didChangeWorkspaceTrust", "params": {"trusted": True}},
        {"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": 1002}},
        {"jsonrpc": "2.0", "method": "$/setTrace", "params": {"value": "verbose"}},
        {"jsonrpc": "2.0", "id": 9, "result": None},
        {"jsonrpc": "2.0", "id": 9, "error": {"code": -1, "message": "x"}},
        {"jsonrpc": "2.0", "method": "textDocument/didClose", "params": {"textDocument": {"uri": DOC}}},
    ]


ODD_VALUES = [None, True, 0, -1, 2**31, 2**63, 1.5, 1e308, "", "\ud800", "a\udc00", "é" * 3, [], [None], {}, {"uri": None}, "file:///" + "a" * 300]
METHODS = ["textDocument/hover", "initialize", "shutdown", "textDocument/didOpen", "$/cancelRequest", "", "textDocument/", "\u0000", "workspace/executeCommand", "notelsp/x"]


def odd(r):
    return copy.deepcopy(r.choice(ODD_VALUES))


def mutate_value(r, node, depth=0):
    """Replaces, deletes or retypes one member somewhere in the message."""
    if isinstance(node, dict) and node and depth < 6:
        key = r.choice(list(node))
        roll = r.random()
        if roll < 0.2:
            del node[key]
        elif roll < 0.5 or not isinstance(node[key], (dict, list)):
            node[key] = odd(r)
        else:
            mutate_value(r, node[key], depth + 1)
    elif isinstance(node, list) and node and depth < 6:
        i = r.randrange(len(node))
        if r.random() < 0.5:
            node[i] = odd(r)
        else:
            mutate_value(r, node[i], depth + 1)
    return node


def mutate_bytes(r, body: bytes) -> bytes:
    data = bytearray(body)
    for _ in range(r.randint(1, 8)):
        if not data:
            break
        roll, i = r.random(), r.randrange(len(data))
        if roll < 0.4:
            data[i] = r.randrange(256)
        elif roll < 0.6:
            del data[i:i + r.randint(1, 16)]
        elif roll < 0.8:
            data[i:i] = r.choice([b"{", b"}", b"[", b"\"", b"\\u", b"\\ud800", b",", b"null", b"\x00", b"\xff\xfe", b"\r\n\r\n"])
        else:
            data = data[:i]
    return bytes(data)


def make_frame(r):
    """One hostile frame; returns its bytes and its kind, for the counts."""
    message = json.loads(json.dumps(r.choice(seeds())))
    kind = r.choices(["field", "protocol", "bytes", "header", "garbage", "batch"], [30, 20, 20, 15, 8, 7])[0]
    if kind == "field":
        for _ in range(r.randint(1, 3)):
            mutate_value(r, message)
    elif kind == "protocol":
        field = r.choice(["id", "method", "params", "jsonrpc", "result"])
        message[field] = copy.deepcopy(r.choice(ODD_VALUES + METHODS if field == "method" else ODD_VALUES))
        if field == "id" and r.random() < 0.3:
            message["id"] = 777  # the same id twice in a row: a duplicate in-flight id
            body = json.dumps(message).encode()
            return frame(body) + frame(body), kind
    body = json.dumps(message, ensure_ascii=r.random() < 0.5).encode("utf-8", "surrogatepass")
    if kind == "bytes":
        body = mutate_bytes(r, body)
    if kind == "header":
        roll = r.random()
        if roll < 0.25:
            return frame(body, max(0, len(body) - r.randint(1, len(body) or 1))), kind  # short: the rest is garbage
        if roll < 0.5:
            extra = r.randint(1, 4096)
            return frame(body + bytes(r.choice(b" \n\tx{") for _ in range(extra)), len(body) + extra), kind
        if roll < 0.7:
            return b"Content-Length: " + r.choice([b"-1", b"abc", b"", b"99999999999999999999", b" 12 ", b"0x10"]) + b"\r\n\r\n" + body, kind
        if roll < 0.85:
            return b"content-type: application/json\r\nCONTENT-LENGTH: %d\r\n\r\n" % len(body) + body, kind
        return b"Content-Length: %d\n\n" % len(body) + body, kind
    if kind == "garbage":
        noise = bytes(r.randrange(256) for _ in range(r.randint(1, 40000)))
        return noise + frame(body), kind
    if kind == "batch":
        return frame(json.dumps([message, message]).encode()), kind
    return frame(body), kind


class Server:
    def __init__(self, command):
        self.proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.answered, self.logs, self.stderr = set(), [], []
        self.cond = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._drain, daemon=True).start()
        self.send(frame(json.dumps({"jsonrpc": "2.0", "id": "init", "method": "initialize", "params": {"processId": None, "rootUri": None, "capabilities": {}}}).encode()))
        self.send(frame(b'{"jsonrpc":"2.0","method":"initialized","params":{}}'))

    def _drain(self):
        for line in self.proc.stderr:
            self.stderr.append(line.decode("utf-8", "replace"))

    def _read(self):
        out = self.proc.stdout
        while True:
            header = b""
            while not header.endswith(b"\r\n\r\n"):
                c = out.read(1)
                if not c:
                    with self.cond:
                        self.cond.notify_all()
                    return
                header += c
            length = int(header.split(b":")[1])
            msg = json.loads(out.read(length))
            with self.cond:
                if msg.get("method") == "window/logMessage":
                    self.logs.append(msg["params"]["message"])
                elif "method" in msg and "id" in msg:
                    self.send(frame(json.dumps({"jsonrpc": "2.0", "id": msg["id"], "result": None}).encode()))
                elif "id" in msg:
                    self.answered.add(json.dumps(msg["id"]))
                self.cond.notify_all()

    def send(self, data):
        try:
            self.proc.stdin.write(data)
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError):
            pass

    def probe(self, n):
        """True when a probe request is answered; None when the server died; False when it hung."""
        key = json.dumps(f"probe-{n}")
        self.send(frame(json.dumps({"jsonrpc": "2.0", "id": f"probe-{n}", "method": "notelsp/probe"}).encode()))
        deadline = time.time() + PROBE_SECONDS
        with self.cond:
            while key not in self.answered:
                if self.proc.poll() is not None:
                    return None
                left = deadline - time.time()
                if left <= 0:
                    return False
                self.cond.wait(min(left, 0.5))
        return True

    def close(self):
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--server", required=True)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--failures", default=None)
    args = ap.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(2**32)
    print(f"fuzz: seed {seed} (replay with --seed {seed}), budget {args.seconds:.0f} s", flush=True)
    r = random.Random(seed)
    command = shlex.split(args.server) + ["lsp", "--stdio"]
    server = Server(command)
    counts = {"frames": 0, "probes": 0, "deaths": 0, "hangs": 0, "corpus": 0, "leaks": 0}
    kinds = {}
    failures = []

    corpus = sorted(os.listdir(os.path.join(HERE, "corpus")))
    frames = [(open(os.path.join(HERE, "corpus", name), "rb").read(), "corpus:" + name) for name in corpus if name.endswith(".bin")]
    start = time.time()
    while frames or time.time() - start < args.seconds:
        data, kind = frames.pop(0) if frames else make_frame(r)
        counts["corpus" if kind.startswith("corpus:") else "frames"] += 1
        kinds[kind.split(":")[0]] = kinds.get(kind.split(":")[0], 0) + 1
        server.send(data)
        counts["probes"] += 1
        answered = server.probe(counts["probes"])
        if answered is not True:
            counts["deaths" if answered is None else "hangs"] += 1
            failures.append((kind, data))
            print(f"fuzz: {'death' if answered is None else 'hang'} after a {kind} frame of {len(data)} bytes", flush=True)
            print("".join(server.stderr[-5:]), file=sys.stderr)
            server.close()
            server = Server(command)

    leaked = [line for line in server.stderr + server.logs if SECRET in line]
    counts["leaks"] = len(leaked)
    server.close()
    if args.failures and failures:
        os.makedirs(args.failures, exist_ok=True)
        for i, (kind, data) in enumerate(failures):
            open(os.path.join(args.failures, f"seed{seed}-{i}-{kind.replace(':', '-')}.bin"), "wb").write(data)
    print("fuzz: " + ", ".join(f"{v} {k}" for k, v in counts.items()) + " | by kind: " + ", ".join(f"{v} {k}" for k, v in sorted(kinds.items())), flush=True)
    sys.exit(1 if counts["deaths"] or counts["hangs"] or counts["leaks"] else 0)


if __name__ == "__main__":
    main()
