/**
 * The summary webview: counts by family and category, and links that select each finding in the editor. It follows
 * the document's diagnostics while it is open.
 */
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ExecuteCommandRequest } from 'vscode-languageclient/node';
import type { SeverityName } from './core/settings';
import { parseSummary, summaryFromDiagnostics, type DocumentSummary, type SummaryDiagnostic } from './core/summary';
import { renderSummaryHtml } from './core/summaryHtml';
import type { ServerController } from './serverController';

const SEVERITY_NAMES: Readonly<Record<vscode.DiagnosticSeverity, SeverityName>> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'information',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

export class SummaryPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private document: vscode.TextDocument | undefined;
  private summary: DocumentSummary | undefined;
  private refreshTimer: NodeJS.Timeout | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly controller: ServerController) {
    this.subscriptions.push(
      vscode.languages.onDidChangeDiagnostics((event) => {
        const shown = this.document?.uri.toString();
        if (this.panel !== undefined && shown !== undefined && event.uris.some((uri) => uri.toString() === shown)) {
          this.scheduleRefresh();
        }
      }),
    );
  }

  async show(document: vscode.TextDocument): Promise<void> {
    this.document = document;
    if (this.panel === undefined) {
      this.panel = vscode.window.createWebviewPanel('notelsp.summary', 'Synthèse NoteLsp', vscode.ViewColumn.Beside, {
        enableScripts: true,
        localResourceRoots: [],
      });
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.document = undefined;
      });
      this.panel.webview.onDidReceiveMessage((message: unknown) => this.reveal(message));
    } else {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
    }
    await this.refresh();
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    this.panel?.dispose();
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }

  private scheduleRefresh(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.refresh(), 300);
  }

  private async refresh(): Promise<void> {
    const document = this.document;
    const panel = this.panel;
    if (document === undefined || panel === undefined) {
      return;
    }
    this.summary = await this.computeSummary(document);
    panel.title = `Synthèse : ${path.basename(document.uri.path)}`;
    panel.webview.html = renderSummaryHtml(this.summary, {
      documentName: path.basename(document.uri.path),
      nonce: randomBytes(16).toString('base64'),
      cspSource: panel.webview.cspSource,
    });
  }

  /** Asks the server; when it cannot answer, the diagnostics VS Code already holds give the same counts. */
  private async computeSummary(document: vscode.TextDocument): Promise<DocumentSummary> {
    const client = await this.controller.ensureStarted();
    if (client !== undefined) {
      try {
        const answer: unknown = await client.sendRequest(ExecuteCommandRequest.type, {
          command: 'notelsp.documentSummary',
          arguments: [document.uri.toString()],
        });
        return parseSummary(answer);
      } catch (error) {
        client.warn(`Synthèse calculée à partir des diagnostics : ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    const diagnostics: SummaryDiagnostic[] = vscode.languages.getDiagnostics(document.uri).map((diagnostic) => ({
      source: diagnostic.source,
      code: diagnostic.code,
      data: (diagnostic as { data?: unknown }).data,
      message: diagnostic.message,
      range: diagnostic.range,
      severityName: SEVERITY_NAMES[diagnostic.severity],
    }));
    return summaryFromDiagnostics(document.uri.toString(), document.version, diagnostics);
  }

  private async reveal(message: unknown): Promise<void> {
    const index = typeof message === 'object' && message !== null ? (message as { index?: unknown }).index : undefined;
    const finding = typeof index === 'number' ? this.summary?.findings[index] : undefined;
    if (finding === undefined || this.document === undefined) {
      return;
    }
    const { start, end } = finding.range;
    const selection = new vscode.Range(start.line, start.character, end.line, end.character);
    const visible = vscode.window.visibleTextEditors.find((editor) => editor.document === this.document);
    await vscode.window.showTextDocument(this.document, {
      viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One,
      selection,
      preserveFocus: false,
    });
  }
}
