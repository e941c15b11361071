/**
 * Entry point of the Cnaemo NoteLsp extension. It stays light until a served document (plain text, Markdown, or a
 * language added in the settings) is open: only then does it start the bundled server.
 */
import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { CLIENT_NAME } from './languageClient';
import { ServerController } from './serverController';
import { FamilyStatusBar } from './statusBar';
import { SummaryPanel } from './summaryPanel';

/** Changing these needs a new client: the executable or the document selector is fixed when it starts. */
const RESTART_SETTINGS = ['notelsp.server.path', 'notelsp.additionalLanguages'];

let controller: ServerController | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  controller = new ServerController(context.extensionPath, output);
  const server = controller;
  const summary = new SummaryPanel(server);
  context.subscriptions.push(output, server, summary, new FamilyStatusBar(server), ...registerCommands(server, summary));

  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((document) => {
      if (server.isServed(document)) {
        void server.startIfIdle();
      }
    }),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (RESTART_SETTINGS.some((section) => event.affectsConfiguration(section))) {
        if (server.state !== 'stopped' || vscode.workspace.textDocuments.some((document) => server.isServed(document))) {
          await server.restart();
        }
      } else if (event.affectsConfiguration('notelsp')) {
        await server.sendSettings();
      }
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void server.sendTrust(true)),
  );

  if (vscode.workspace.textDocuments.some((document) => server.isServed(document))) {
    await server.startIfIdle();
  }
}

export async function deactivate(): Promise<void> {
  await controller?.stop();
  controller = undefined;
}
