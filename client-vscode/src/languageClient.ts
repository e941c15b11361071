/**
 * Creates the vscode-languageclient client for one run of the server: how to start it, which documents it sees, and the
 * middleware that keeps VS Code and the contract in line (settings shape, one source of diagnostics, the
 * "disable this rule" command written as a VS Code setting).
 */
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  type CloseHandlerResult,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { documentSelector, toInitializationOptions, toServerSettings, withRuleDisabled } from './core/settings';

export const CLIENT_ID = 'notelsp';
export const CLIENT_NAME = 'Cnaemo NoteLsp';
export const DISABLE_RULE_COMMAND = 'notelsp.disableRuleInWorkspace';

/** A crash loop stops after this many restarts within RESTART_WINDOW_MS. */
const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

export interface ClientSetup {
  readonly serverPath: string;
  readonly languages: readonly string[];
  readonly outputChannel: vscode.LogOutputChannel;
  /** Called with a French message when the server stopped for good, so that the controller can tell the user. */
  readonly onGaveUp: (message: string) => void;
  /** False while the first start is under way: a server that dies then is reported by the controller, not restarted. */
  readonly hasStarted: () => boolean;
}

/** The `notelsp` settings as the server expects them, for the current trust state. */
export function currentServerSettings() {
  return toServerSettings(configurationReader(), vscode.workspace.isTrusted);
}

export function createLanguageClient(setup: ClientSetup): LanguageClient {
  const serverOptions: ServerOptions = {
    command: setup.serverPath,
    args: ['lsp', '--stdio'],
    // DOTNET_EnableDiagnostics=0: no diagnostic socket through which a same-user tool could dump the documents' memory.
    options: { env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_EnableDiagnostics: '0' } },
  };
  const restarts: number[] = [];
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(setup.languages),
    outputChannel: setup.outputChannel,
    initializationOptions: () => toInitializationOptions(configurationReader(), vscode.workspace.isTrusted),
    // The start failure is reported once, in French, by the controller; the default English pop-up would repeat it.
    initializationFailedHandler: () => false,
    // The server both pushes diagnostics (debounced) and answers pulls. Only the pushed ones are shown, or VS Code
    // would list every finding twice.
    diagnosticPullOptions: { onChange: false, onSave: false, onTabs: false, filter: () => true },
    errorHandler: {
      error: (): ErrorHandlerResult => ({ action: ErrorAction.Continue, handled: true }),
      closed: (): CloseHandlerResult => {
        if (!setup.hasStarted()) {
          return { action: CloseAction.DoNotRestart, handled: true };
        }
        const now = Date.now();
        restarts.push(now);
        while (restarts.length > 0 && now - restarts[0] > RESTART_WINDOW_MS) {
          restarts.shift();
        }
        if (restarts.length <= MAX_RESTARTS) {
          setup.outputChannel.warn('Le serveur s\'est arrêté ; redémarrage.');
          return { action: CloseAction.Restart, handled: true };
        }
        const message = `Le serveur NoteLsp (${setup.serverPath}) s'est arrêté ${MAX_RESTARTS + 1} fois en peu de temps ; ` +
          'il ne sera pas relancé. Consultez le canal de sortie « Cnaemo NoteLsp », puis utilisez « NoteLsp : Redémarrer le serveur ».';
        setup.onGaveUp(message);
        return { action: CloseAction.DoNotRestart, handled: true };
      },
    },
    middleware: {
      workspace: {
        // Answers `workspace/configuration` for the `notelsp` section with the checked settings of the contract.
        configuration: async (params, token, next) => {
          const answers = await next(params, token);
          if (!Array.isArray(answers)) {
            return answers;
          }
          return params.items.map((item, index) => (item.section === 'notelsp' ? currentServerSettings() : answers[index]));
        },
      },
      provideDiagnostics: () => ({ kind: 'full', items: [] }) as unknown as vscode.ProviderResult<never>,
      executeCommand: async (command, args, next) => {
        if (command === DISABLE_RULE_COMMAND && typeof args[0] === 'string') {
          await disableRuleInWorkspace(args[0]);
          return undefined;
        }
        return next(command, args);
      },
    },
  };
  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
}

/**
 * VS Code keeps the disabled rules in the workspace settings rather than in `.notelsp.json`: the user sees and undoes
 * them where other settings live. The configuration change then reaches the server.
 */
export async function disableRuleInWorkspace(ruleId: string): Promise<void> {
  const configuration = vscode.workspace.getConfiguration('notelsp');
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  const inspected = configuration.inspect<string[]>('rules.disabled');
  const current = target === vscode.ConfigurationTarget.Workspace ? inspected?.workspaceValue : inspected?.globalValue;
  await configuration.update('rules.disabled', withRuleDisabled(current ?? [], ruleId), target);
  const where = target === vscode.ConfigurationTarget.Workspace ? 'pour cet espace de travail' : 'dans vos paramètres utilisateur';
  void vscode.window.showInformationMessage(`La règle ${ruleId} est désactivée ${where} (paramètre « notelsp.rules.disabled »).`);
}

function configurationReader() {
  const configuration = vscode.workspace.getConfiguration('notelsp');
  return { get: (key: string): unknown => configuration.get(key) };
}
