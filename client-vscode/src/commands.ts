/** The palette commands: pseudonymise, mask identifiers, summary, rephrase, restart. All texts in French. */
import * as vscode from 'vscode';
import { ExecuteCommandRequest } from 'vscode-languageclient/node';
import { plural } from './core/families';
import { checkNameToReplace, initialsOf, looksLikeName } from './core/names';
import { rephraseSelection } from './rephrase';
import type { ServerController } from './serverController';
import type { SummaryPanel } from './summaryPanel';

export function registerCommands(controller: ServerController, summary: SummaryPanel): vscode.Disposable[] {
  /** The served editor the command works on: the active one, or the last one used before a webview took the focus. */
  let lastServedEditor: vscode.TextEditor | undefined;
  const remember = (editor: vscode.TextEditor | undefined): void => {
    if (editor !== undefined && controller.isServed(editor.document)) {
      lastServedEditor = editor;
    }
  };
  remember(vscode.window.activeTextEditor);

  const servedEditor = (): vscode.TextEditor | undefined => {
    const active = vscode.window.activeTextEditor;
    const editor = active !== undefined && controller.isServed(active.document) ? active : lastServedEditor;
    if (editor === undefined || editor.document.isClosed) {
      void vscode.window.showWarningMessage(
        'Ouvrez d\'abord un document texte ou Markdown : NoteLsp ne relit que ces documents (et ceux de « notelsp.additionalLanguages »).',
      );
      return undefined;
    }
    return editor;
  };

  return [
    vscode.window.onDidChangeActiveTextEditor(remember),
    vscode.commands.registerCommand('notelsp.showSummary', async () => {
      const editor = servedEditor();
      if (editor !== undefined) {
        await summary.show(editor.document);
      }
    }),
    vscode.commands.registerCommand('notelsp.rephraseSelection', async () => {
      const editor = servedEditor();
      if (editor !== undefined) {
        await rephraseSelection(editor);
      }
    }),
    vscode.commands.registerCommand('notelsp.maskIdentifiers', async () => {
      const editor = servedEditor();
      if (editor === undefined) {
        return;
      }
      const answer = await runServerCommand(controller, 'notelsp.maskAllIdentifiers', [editor.document.uri.toString()]);
      if (answer !== undefined) {
        const masked = numberField(answer, 'masked');
        void vscode.window.showInformationMessage(
          masked === 0 ? 'Aucun identifiant à masquer dans ce document.' : `${plural(masked, 'identifiant masqué', 'identifiants masqués')}.`,
        );
      }
    }),
    vscode.commands.registerCommand('notelsp.pseudonymiseDocument', async () => {
      const editor = servedEditor();
      if (editor !== undefined) {
        await pseudonymise(controller, editor);
      }
    }),
    vscode.commands.registerCommand('notelsp.restartServer', async () => {
      const client = await controller.restart();
      if (client !== undefined) {
        void vscode.window.showInformationMessage('Le serveur NoteLsp a redémarré.');
      }
    }),
  ];
}

async function pseudonymise(controller: ServerController, editor: vscode.TextEditor): Promise<void> {
  const name = await vscode.window.showInputBox({
    title: 'Pseudonymiser une personne dans tout le document',
    prompt: 'Nom à remplacer partout (les majuscules et les accents ne comptent pas)',
    value: nameUnderCursor(editor),
    validateInput: checkNameToReplace,
    ignoreFocusOut: true,
  });
  if (name === undefined) {
    return;
  }
  const style = vscode.workspace.getConfiguration('notelsp').get<string>('pseudonymisation.style');
  const initials = initialsOf(name);
  const replacement = await vscode.window.showInputBox({
    title: `Remplacer « ${name.trim()} » par…`,
    prompt:
      style === 'role'
        ? 'Rôle de la personne, par exemple « l\'enfant », « la mère », « le résident »'
        : `Laisser vide pour utiliser les initiales (« ${initials} »)`,
    placeHolder: style === 'role' ? 'l\'enfant' : initials,
    validateInput: (value) =>
      style === 'role' && value.trim().length === 0 ? 'Indiquez le rôle qui remplacera le nom.' : /[\r\n]/.test(value) ? 'Une seule ligne.' : undefined,
    ignoreFocusOut: true,
  });
  if (replacement === undefined) {
    return;
  }
  const args = [editor.document.uri.toString(), name.trim()];
  if (replacement.trim().length > 0) {
    args.push(replacement.trim());
  }
  const answer = await runServerCommand(controller, 'notelsp.pseudonymise', args);
  if (answer !== undefined) {
    const replaced = numberField(answer, 'replaced');
    void vscode.window.showInformationMessage(
      replaced === 0
        ? `« ${name.trim()} » n'apparaît pas dans ce document.`
        : `${plural(replaced, 'occurrence remplacée', 'occurrences remplacées')} par « ${replacement.trim() || initials} ».`,
    );
  }
}

/** Suggests the selected text, or the capitalised word under the cursor, as the name to replace. */
function nameUnderCursor(editor: vscode.TextEditor): string {
  const selected = editor.document.getText(editor.selection).trim();
  if (selected.length > 0 && !/[\r\n]/.test(selected)) {
    return selected;
  }
  const range = editor.document.getWordRangeAtPosition(editor.selection.active, /\p{Lu}[\p{L}'’-]*/u);
  const word = range === undefined ? '' : editor.document.getText(range);
  return looksLikeName(word) ? word : '';
}

async function runServerCommand(controller: ServerController, command: string, args: unknown[]): Promise<unknown> {
  const client = await controller.ensureStarted();
  if (client === undefined) {
    return undefined;
  }
  try {
    return await client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(`Le serveur NoteLsp n'a pas pu exécuter la commande : ${message}`);
    return undefined;
  }
}

function numberField(answer: unknown, field: string): number {
  const value = typeof answer === 'object' && answer !== null ? (answer as Record<string, unknown>)[field] : undefined;
  return typeof value === 'number' ? value : 0;
}
