/**
 * The status bar item: the active document's counts by family, or the server's trouble. Clicking it opens the summary
 * (or restarts a failed server).
 */
import * as vscode from 'vscode';
import { countByFamily, statusBarText, statusBarTooltip } from './core/families';
import type { ServerController } from './serverController';

export const ACTIVE_CONTEXT_KEY = 'notelsp.active';

export class FamilyStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** The served document the item describes; it stays while a webview or a panel has the focus. */
  private document: vscode.TextDocument | undefined;

  constructor(private readonly controller: ServerController) {
    this.item = vscode.window.createStatusBarItem('notelsp.status', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'NoteLsp';
    this.subscriptions.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.languages.onDidChangeDiagnostics((event) => {
        const shown = this.document?.uri.toString();
        if (shown !== undefined && event.uris.some((uri) => uri.toString() === shown)) {
          this.update();
        }
      }),
      controller.onDidChangeState(() => this.update()),
    );
    this.update();
  }

  update(): void {
    const editor = vscode.window.activeTextEditor;
    if (editor !== undefined) {
      this.document = this.controller.isServed(editor.document) ? editor.document : undefined;
    } else if (this.document?.isClosed) {
      this.document = undefined;
    }
    const document = this.document;
    void vscode.commands.executeCommand('setContext', ACTIVE_CONTEXT_KEY, document !== undefined);
    if (document === undefined) {
      this.item.hide();
      return;
    }
    const state = this.controller.state;
    if (state === 'failed') {
      this.item.text = '$(warning) NoteLsp arrêté';
      this.item.tooltip = `${this.controller.failureMessage ?? ''}\nCliquer pour redémarrer le serveur.`;
      this.item.command = 'notelsp.restartServer';
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
    } else if (state === 'starting') {
      this.item.text = '$(sync~spin) NoteLsp';
      this.item.tooltip = 'Démarrage du serveur NoteLsp…';
      this.item.command = undefined;
      this.item.backgroundColor = undefined;
    } else {
      const counts = countByFamily(vscode.languages.getDiagnostics(document.uri));
      this.item.text = statusBarText(counts);
      this.item.tooltip = statusBarTooltip(counts);
      this.item.command = 'notelsp.showSummary';
      this.item.backgroundColor = undefined;
    }
    this.item.show();
  }

  dispose(): void {
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }
}
