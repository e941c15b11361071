/**
 * Owns the language client: starts it when the first served document opens, restarts it on demand or when the server
 * path or the languages change, and turns every start failure into one clear French message naming the path.
 */
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { DidChangeConfigurationNotification, State, type LanguageClient } from 'vscode-languageclient/node';
import {
  checkServerExecutable,
  describeStartFailure,
  resolveServerLocation,
  serverStartError,
  unsupportedPlatformError,
} from './core/serverLocation';
import { servedLanguages } from './core/settings';
import { createLanguageClient, currentServerSettings } from './languageClient';

export type ServerState = 'stopped' | 'starting' | 'running' | 'failed';

export const TRUST_NOTIFICATION = 'notelsp/didChangeWorkspaceTrust';
const SERVED_SCHEMES = new Set(['file', 'untitled']);

export class ServerController implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<LanguageClient | undefined> | undefined;
  private failure: string | undefined;
  private readonly stateChanged = new vscode.EventEmitter<void>();

  /** Fires when the server starts, stops or fails. */
  readonly onDidChangeState = this.stateChanged.event;

  constructor(
    private readonly extensionPath: string,
    private readonly output: vscode.LogOutputChannel,
  ) {}

  get state(): ServerState {
    if (this.failure !== undefined) {
      return 'failed';
    }
    if (this.starting !== undefined) {
      return 'starting';
    }
    return this.client?.state === State.Running ? 'running' : 'stopped';
  }

  /** The French message of the last failure, while the server is down because of it. */
  get failureMessage(): string | undefined {
    return this.failure;
  }

  /** The languages served now: plain text, Markdown, and `notelsp.additionalLanguages`. */
  languages(): string[] {
    return servedLanguages(vscode.workspace.getConfiguration('notelsp').get('additionalLanguages'));
  }

  isServed(document: vscode.TextDocument): boolean {
    return SERVED_SCHEMES.has(document.uri.scheme) && this.languages().includes(document.languageId);
  }

  /** The running client, starting it first if needed; undefined (and the user told why) when it cannot start. */
  async ensureStarted(): Promise<LanguageClient | undefined> {
    if (this.client?.state === State.Running) {
      return this.client;
    }
    if (this.starting === undefined) {
      this.starting = this.start().finally(() => {
        this.starting = undefined;
        this.stateChanged.fire();
      });
      this.stateChanged.fire();
    }
    return this.starting;
  }

  /** Starts the server unless a previous attempt failed: that failure is not repeated on every opened file. */
  async startIfIdle(): Promise<void> {
    if (this.failure === undefined) {
      await this.ensureStarted();
    }
  }

  async restart(): Promise<LanguageClient | undefined> {
    await this.stop();
    this.failure = undefined;
    return this.ensureStarted();
  }

  async stop(): Promise<void> {
    if (this.starting !== undefined) {
      await this.starting;
    }
    const client = this.client;
    this.client = undefined;
    if (client !== undefined) {
      try {
        await client.stop(2000);
      } catch (error) {
        this.output.warn(`Arrêt du serveur incomplet : ${error instanceof Error ? error.message : String(error)}`);
      }
      await client.dispose(2000).catch(() => undefined);
    }
    this.stateChanged.fire();
  }

  /** Sends the settings again after a change in VS Code (the server also pulls them with workspace/configuration). */
  async sendSettings(): Promise<void> {
    if (this.client?.state === State.Running) {
      await this.client.sendNotification(DidChangeConfigurationNotification.type, { settings: { notelsp: currentServerSettings() } });
    }
  }

  /** Tells the server that the workspace is now trusted, then sends the settings that include the custom packs. */
  async sendTrust(trusted: boolean): Promise<void> {
    if (this.client?.state === State.Running) {
      await this.client.sendNotification(TRUST_NOTIFICATION, { trusted });
      await this.sendSettings();
    }
  }

  dispose(): void {
    void this.stop();
    this.stateChanged.dispose();
  }

  private async start(): Promise<LanguageClient | undefined> {
    const configured = vscode.workspace.getConfiguration('notelsp').get<string>('server.path');
    const workspaceFolder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    const location = resolveServerLocation(configured, this.extensionPath, workspaceFolder);
    if (location === undefined || (location.bundled && !existsSync(location.path))) {
      this.fail(unsupportedPlatformError(process.platform, process.arch));
      return undefined;
    }
    const check = await checkServerExecutable(location);
    if (!check.ok) {
      this.fail(serverStartError(location.path, check.cause));
      return undefined;
    }
    this.output.info(`Démarrage du serveur ${location.bundled ? 'fourni' : 'configuré'} : ${location.path}`);
    const client = createLanguageClient({
      serverPath: location.path,
      languages: this.languages(),
      outputChannel: this.output,
      onGaveUp: (message) => this.fail(message),
      hasStarted: () => this.client === client,
    });
    client.onDidChangeState(() => this.stateChanged.fire());
    try {
      await client.start();
    } catch (error) {
      await client.dispose(2000).catch(() => undefined);
      this.fail(serverStartError(location.path, describeStartFailure(error)));
      return undefined;
    }
    this.failure = undefined;
    this.client = client;
    return client;
  }

  private fail(message: string): void {
    this.failure = message;
    this.output.error(message);
    this.stateChanged.fire();
    void vscode.window.showErrorMessage(message, 'Ouvrir les paramètres', 'Afficher le journal').then((choice) => {
      if (choice === 'Ouvrir les paramètres') {
        void vscode.commands.executeCommand('workbench.action.openSettings', 'notelsp.server.path');
      } else if (choice === 'Afficher le journal') {
        this.output.show();
      }
    });
  }
}
