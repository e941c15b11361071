/**
 * The summary page shown in a webview. Pure string building, so that its content is unit-tested; every text that comes
 * from the server or the file name is escaped. The page's script only sends back the index of the clicked finding.
 */
import { categoryLabel, familyLabel, FAMILIES, type Family } from './categories';
import { plural } from './families';
import type { SeverityName } from './settings';
import { categoriesInOrder, type DocumentSummary, type SummaryFinding } from './summary';

export interface SummaryPageOptions {
  /** The document's file name, shown in the title. */
  readonly documentName: string;
  /** A fresh random value that allows the page's one script under the content security policy. */
  readonly nonce: string;
  /** The webview's own origin (`webview.cspSource`), for the style sheet rule. */
  readonly cspSource: string;
}

const SEVERITY_LABELS: Readonly<Record<SeverityName, string>> = {
  error: 'erreur',
  warning: 'avertissement',
  information: 'information',
  hint: 'suggestion',
};

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** "ligne 12, colonne 5": positions are shown 1-based, as in the editor's status bar. */
export function positionLabel(finding: SummaryFinding): string {
  return `ligne ${finding.range.start.line + 1}, colonne ${finding.range.start.character + 1}`;
}

export function renderSummaryHtml(summary: DocumentSummary, options: SummaryPageOptions): string {
  const total = summary.counts.privacy + summary.counts.dignity;
  const body =
    total === 0
      ? '<p class="empty">Aucune remarque dans ce document.</p>'
      : [renderTotals(summary), ...FAMILIES.map((family) => renderFamily(summary, family))].join('\n');
  return `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${options.cspSource} 'unsafe-inline'; script-src 'nonce-${options.nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Synthèse NoteLsp</title>
<style>
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 1.5em 2em; line-height: 1.5; }
table { border-collapse: collapse; margin: 0.5em 0 1em; }
th, td { text-align: left; padding: 0.2em 1.2em 0.2em 0; }
td.count { text-align: right; font-variant-numeric: tabular-nums; }
a { color: var(--vscode-textLink-foreground); cursor: pointer; }
code { color: var(--vscode-descriptionForeground); }
.severity { color: var(--vscode-descriptionForeground); font-size: 0.9em; }
</style>
</head>
<body>
<h1>Synthèse de « ${escapeHtml(options.documentName)} »</h1>
${body}
<script nonce="${options.nonce}">
const vscode = acquireVsCodeApi();
document.addEventListener('click', (event) => {
  const link = event.target.closest('a[data-finding]');
  if (link) {
    event.preventDefault();
    vscode.postMessage({ type: 'reveal', index: Number(link.dataset.finding) });
  }
});
</script>
</body>
</html>
`;
}

function renderTotals(summary: DocumentSummary): string {
  const rows = FAMILIES.map(
    (family) => `<tr><th scope="row">${familyLabel(family)}</th><td class="count">${summary.counts[family]}</td></tr>`,
  );
  const total = plural(summary.counts.privacy + summary.counts.dignity, 'chose à revoir', 'choses à revoir');
  const note = `<p class="total">${total} : quand plusieurs règles relèvent le même fait, elles comptent pour une (le survol détaille chacune).</p>`;
  return `${note}\n<table class="totals">\n${rows.join('\n')}\n</table>`;
}

function renderFamily(summary: DocumentSummary, family: Family): string {
  const categories = categoriesInOrder(summary, family);
  const heading = `<h2>${familyLabel(family)} : ${plural(summary.counts[family], 'remarque', 'remarques')}</h2>`;
  if (categories.length === 0) {
    return `${heading}\n<p class="empty">Aucune remarque.</p>`;
  }
  const sections = categories.map(([category, count]) => {
    const items = summary.findings
      .map((finding, index) => ({ finding, index }))
      .filter(({ finding }) => finding.category === category)
      .map(({ finding, index }) => renderFinding(finding, index));
    return `<h3>${escapeHtml(capitalise(categoryLabel(category)))} (${count})</h3>\n<ul>\n${items.join('\n')}\n</ul>`;
  });
  return `${heading}\n${sections.join('\n')}`;
}

function renderFinding(finding: SummaryFinding, index: number): string {
  return (
    `<li><a href="#" data-finding="${index}">${capitalise(positionLabel(finding))}</a> : ` +
    `${escapeHtml(finding.message)} <code>${escapeHtml(finding.ruleId)}</code> ` +
    `<span class="severity">(${SEVERITY_LABELS[finding.severity]})</span></li>`
  );
}

function capitalise(text: string): string {
  return text.length === 0 ? text : text[0].toLocaleUpperCase('fr') + text.slice(1);
}
