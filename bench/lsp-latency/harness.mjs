// LSP benchmarks for notelsp, as an editor sees them, over stdio with the npm vscode-jsonrpc client:
//   latency  SERVER REPORT [EDITS]   didChange -> publishDiagnostics for EDITS single-character edits (debounce 0)
//   startup  SERVER [RUNS]           spawn -> initialize response, fresh process each run
//   memory   SERVER DIR [COUNT]      resident memory once COUNT reports of DIR are open and diagnosed
// SERVER is the notelsp executable. Each mode prints one JSON line. The document text never leaves this machine:
// the server is a local child process.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import * as rpc from 'vscode-jsonrpc/node.js';

const settings = { debounceMs: 0 };

function start(server) {
  const child = spawn(server, ['lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = rpc.createMessageConnection(
    new rpc.StreamMessageReader(child.stdout),
    new rpc.StreamMessageWriter(child.stdin));
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => settings));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification('window/logMessage', () => {});
  connection.listen();
  return { child, connection };
}

async function initialize(connection) {
  const result = await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    initializationOptions: { workspaceTrusted: false, settings },
  });
  await connection.sendNotification('initialized', {});
  return result;
}

async function stop({ child, connection }) {
  try {
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
  } catch {
    // The process may already be gone.
  }
  connection.dispose();
  await new Promise((done) => {
    const timer = setTimeout(() => { child.kill(); done(); }, 3000);
    timer.unref();
    child.on('exit', () => { clearTimeout(timer); done(); });
  });
}

// Resolves with the first publishDiagnostics for `uri` whose version is at least `version` (or any, when the
// server sends none).
function diagnosticsWaiter(connection) {
  const waiting = new Map();
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    const entry = waiting.get(params.uri);
    if (entry && (params.version === undefined || params.version === null || params.version >= entry.version)) {
      waiting.delete(params.uri);
      entry.resolve(params);
    }
  });
  return (uri, version) => new Promise((resolveWait) => waiting.set(uri, { version, resolve: resolveWait }));
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function positionAt(text, offset) {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

async function latency(server, reportPath, edits) {
  const text = readFileSync(reportPath, 'utf8');
  const session = start(server);
  const waitFor = diagnosticsWaiter(session.connection);
  await initialize(session.connection);
  const uri = pathToFileURL(resolve(reportPath)).href;
  let version = 1;
  let pending = waitFor(uri, version);
  await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
  const opened = await pending;

  // Types a sentence in the middle of the report, one character per change, as a user would.
  const typed = ' Le jeune est un délinquant, joignable au 06 12 34 56 78 !!! La visite du 3 mars s’est bien passée.';
  let cursor = text.indexOf('\n\n', Math.floor(text.length / 2));
  let position = positionAt(text, cursor);
  const times = [];
  for (let i = 0; i < edits; i++) {
    const ch = typed[i % typed.length];
    version++;
    pending = waitFor(uri, version);
    const startTime = performance.now();
    await session.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: position, end: position }, text: ch }],
    });
    await pending;
    times.push(performance.now() - startTime);
    position = { line: position.line, character: position.character + ch.length };
  }

  await stop(session);
  times.sort((a, b) => a - b);
  console.log(JSON.stringify({
    mode: 'latency', kb: Number((Buffer.byteLength(text) / 1024).toFixed(1)), edits, initialDiagnostics: opened.diagnostics.length,
    p50Ms: round(percentile(times, 50)), p95Ms: round(percentile(times, 95)), p99Ms: round(percentile(times, 99)), maxMs: round(times[times.length - 1]),
  }));
}

async function startup(server, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const startTime = performance.now();
    const session = start(server);
    await initialize(session.connection);
    times.push(performance.now() - startTime);
    await stop(session);
  }
  times.sort((a, b) => a - b);
  console.log(JSON.stringify({ mode: 'startup', runs, p50Ms: round(percentile(times, 50)), minMs: round(times[0]), maxMs: round(times[times.length - 1]) }));
}

async function memory(server, dir, count) {
  const files = readdirSync(dir).filter((f) => f.endsWith('.md')).sort().slice(0, count);
  const session = start(server);
  const waitFor = diagnosticsWaiter(session.connection);
  await initialize(session.connection);
  let bytes = 0;
  for (const file of files) {
    const path = resolve(join(dir, file));
    const text = readFileSync(path, 'utf8');
    bytes += Buffer.byteLength(text);
    const uri = pathToFileURL(path).href;
    const pending = waitFor(uri, 1);
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await pending;
  }
  await new Promise((done) => setTimeout(done, 500));
  const status = readFileSync(`/proc/${session.child.pid}/status`, 'utf8');
  const field = (name) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)[1]) / 1024;
  console.log(JSON.stringify({ mode: 'memory', documents: files.length, totalKb: Number((bytes / 1024).toFixed(1)), rssMb: round(field('VmRSS')), peakRssMb: round(field('VmHWM')) }));
  await stop(session);
}

function round(value) {
  return Number(value.toFixed(2));
}

const [mode, server, arg, extra] = process.argv.slice(2);
switch (mode) {
  case 'latency': await latency(server, arg, Number(extra ?? 500)); break;
  case 'startup': await startup(server, Number(arg ?? 20)); break;
  case 'memory': await memory(server, arg, Number(extra ?? 10)); break;
  default:
    console.error('usage: node harness.mjs latency SERVER REPORT [EDITS] | startup SERVER [RUNS] | memory SERVER DIR [COUNT]');
    process.exit(2);
}
