// One LSP session over stdio, as an editor on Windows would hold it: initialize with a workspace folder given as a
// Windows file URI (drive letter, percent-encoded colon, spaces and accents), didOpen of a CRLF report in that folder,
// the diagnostics, a hover and a code action on the first one, then shutdown and exit.
// Usage: node tests/windows/lsp-session.mjs [OPTIONS] FOLDER-URI DOCUMENT-URI DOCUMENT-FILE -- COMMAND ARGS...
// Options: --custom-pack PATH   the folder is trusted and the settings name this workspace-relative pack;
//          --disable-first      the first diagnostic's rule is disabled with notelsp.disableRuleInWorkspace, and the
//                               workspace edit the server asks for is accepted and reported.
// Prints one JSON line: {"diagnostics":[{code,line,character}...],"hover":bool,"actions":N,"editUris":[...],"exit":code}.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

const argv = process.argv.slice(2);
let customPack;
let disableFirst = false;
while (argv[0]?.startsWith('--') && argv[0] !== '--') {
  const option = argv.shift();
  if (option === '--custom-pack') {
    customPack = argv.shift();
  } else if (option === '--disable-first') {
    disableFirst = true;
  } else {
    console.error(`lsp-session: unknown option ${option}`);
    process.exit(2);
  }
}
const [folderUri, documentUri, documentFile, separator, command, ...args] = argv;
if (separator !== '--' || !command) {
  console.error('usage: lsp-session.mjs FOLDER-URI DOCUMENT-URI DOCUMENT-FILE -- COMMAND ARGS...');
  process.exit(2);
}

const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'inherit'] });
const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
connection.onRequest('client/registerCapability', () => null);
const settings = customPack ? { customPacks: [customPack] } : null;
connection.onRequest('workspace/configuration', (params) => params.items.map(() => settings));
const editUris = [];
connection.onRequest('workspace/applyEdit', (params) => {
  for (const change of params.edit.documentChanges ?? []) {
    editUris.push(change.uri ?? change.textDocument?.uri);
  }
  return { applied: true };
});
connection.onRequest('window/workDoneProgress/create', () => null);
connection.onNotification('window/logMessage', () => undefined);
const published = new Promise((resolve) => {
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    if (params.uri === documentUri) {
      resolve(params.diagnostics);
    }
  });
});
connection.listen();

const timeout = (ms, what) => new Promise((_, reject) => setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms).unref());
try {
  await Promise.race([connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: folderUri,
    workspaceFolders: [{ uri: folderUri, name: 'dossier' }],
    capabilities: {
      textDocument: { hover: { contentFormat: ['markdown'] }, codeAction: {} },
      workspace: { configuration: true, applyEdit: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } },
    },
    initializationOptions: { workspaceTrusted: customPack !== undefined, settings },
  }), timeout(60000, 'initialize')]);
  await connection.sendNotification('initialized', {});
  await connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri: documentUri, languageId: 'markdown', version: 1, text: readFileSync(documentFile, 'utf8') },
  });
  const diagnostics = await Promise.race([published, timeout(60000, 'publishDiagnostics')]);
  let hover = false;
  let actions = 0;
  if (diagnostics.length > 0) {
    const first = diagnostics[0];
    const shown = await connection.sendRequest('textDocument/hover', { textDocument: { uri: documentUri }, position: first.range.start });
    hover = shown !== null && JSON.stringify(shown.contents).length > 20;
    const offered = await connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: documentUri }, range: first.range, context: { diagnostics: [first] },
    });
    actions = Array.isArray(offered) ? offered.length : 0;
    if (disableFirst) {
      await Promise.race([connection.sendRequest('workspace/executeCommand', {
        command: 'notelsp.disableRuleInWorkspace', arguments: [first.code],
      }), timeout(60000, 'executeCommand')]);
    }
  }
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  const exit = await Promise.race([exited, timeout(30000, 'exit')]);
  const summary = diagnostics.map((d) => ({ code: d.code, line: d.range.start.line, character: d.range.start.character }));
  console.log(JSON.stringify({ diagnostics: summary, hover, actions, editUris, exit }));
  process.exit(0);
} catch (error) {
  console.error(`lsp-session: ${error.message}`);
  child.kill('SIGKILL');
  process.exit(1);
}
