import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { categoriesInOrder, parseSummary, summaryFromDiagnostics } from '../../client-vscode/src/core/summary';
import { escapeHtml, renderSummaryHtml } from '../../client-vscode/src/core/summaryHtml';

const range = (line: number, character: number, length: number) => ({
  start: { line, character },
  end: { line, character: character + length },
});

/** An answer of `notelsp.documentSummary`, as in docs/lsp-contract.md. */
const serverAnswer = {
  uri: 'file:///rapports/rapport.md',
  version: 4,
  counts: { privacy: 2, dignity: 1 },
  byCategory: { identifier: 1, health: 1, judgement: 1 },
  findings: [
    { ruleId: 'dignity.judgement.lazy', category: 'judgement', family: 'dignity', severity: 2, message: 'Jugement de valeur.', range: range(7, 10, 9) },
    { ruleId: 'privacy.identifier.phone', category: 'identifier', family: 'privacy', severity: 'warning', message: 'Numéro de téléphone.', range: range(2, 4, 14) },
    { ruleId: 'privacy.health.diagnosis', category: 'health', family: 'privacy', severity: 3, message: 'Donnée de santé.', range: range(2, 30, 8) },
  ],
};

const pageOptions = { documentName: 'rapport.md', nonce: 'n0nce', cspSource: 'vscode-webview:' };

describe('the server summary', () => {
  it('is read with its findings in document order and counted again from them', () => {
    const summary = parseSummary(serverAnswer);
    assert.deepEqual(
      summary.findings.map((finding) => finding.ruleId),
      ['privacy.identifier.phone', 'privacy.health.diagnosis', 'dignity.judgement.lazy'],
    );
    assert.deepEqual(summary.counts, { privacy: 2, dignity: 1 });
    assert.deepEqual(summary.byCategory, { identifier: 1, health: 1, judgement: 1 });
    assert.deepEqual(
      summary.findings.map((finding) => finding.severity),
      ['warning', 'information', 'warning'],
    );
  });

  it('skips findings without a usable range or category', () => {
    const summary = parseSummary({
      findings: [
        { ruleId: 'privacy.x', category: 'health', range: { start: { line: -1, character: 0 }, end: { line: 0, character: 1 } } },
        { ruleId: 'privacy.y', range: range(0, 0, 1) },
        { ruleId: 'privacy.z', category: 'health', range: range(0, 0, 1) },
      ],
    });
    assert.deepEqual(summary.findings.map((finding) => finding.ruleId), ['privacy.z']);
    assert.equal(summary.findings[0].family, 'privacy');
  });

  it('rejects an answer that is not an object', () => {
    assert.throws(() => parseSummary(null), /n'est pas une synthèse/);
  });

  it('orders categories as the server declares them, per family', () => {
    const summary = parseSummary(serverAnswer);
    assert.deepEqual(categoriesInOrder(summary, 'privacy'), [['identifier', 1], ['health', 1]]);
    assert.deepEqual(categoriesInOrder(summary, 'dignity'), [['judgement', 1]]);
  });
});

describe('the summary rebuilt from VS Code diagnostics', () => {
  it('keeps only notelsp diagnostics and takes their category from data', () => {
    const summary = summaryFromDiagnostics('file:///r.md', 1, [
      { source: 'notelsp', code: { value: 'dignity.hearsay.on-dit' }, data: { category: 'hearsay', family: 'dignity' }, message: 'Ouï-dire.', range: range(3, 0, 6), severityName: 'information' },
      { source: 'markdownlint', code: 'MD013', message: 'Line length', range: range(1, 0, 3), severityName: 'warning' },
      { source: 'notelsp', code: 'privacy.identifier.email', message: 'Adresse électronique.', range: range(1, 2, 12), severityName: 'warning' },
    ]);
    assert.deepEqual(summary.counts, { privacy: 1, dignity: 1 });
    assert.deepEqual(summary.byCategory, { inconnue: 1, hearsay: 1 });
    assert.equal(summary.findings[0].ruleId, 'privacy.identifier.email');
  });
});

describe('the summary page', () => {
  const html = renderSummaryHtml(parseSummary(serverAnswer), pageOptions);

  it('gives the counts by family and by category in French', () => {
    assert.match(html, /<h2>Confidentialité : 2 remarques<\/h2>/);
    assert.match(html, /<h2>Dignité : 1 remarque<\/h2>/);
    assert.match(html, /3 choses à revoir : quand plusieurs règles relèvent le même fait, elles comptent pour une/);
    assert.match(html, /<h3>Identifiant \(1\)<\/h3>/);
    assert.match(html, /<h3>Santé \(1\)<\/h3>/);
    assert.match(html, /<h3>Jugement de valeur \(1\)<\/h3>/);
  });

  it('links each finding by its index, with a 1-based position', () => {
    assert.match(html, /<a href="#" data-finding="0">Ligne 3, colonne 5<\/a> : Numéro de téléphone\./);
    assert.match(html, /<a href="#" data-finding="2">Ligne 8, colonne 11<\/a> : Jugement de valeur\./);
  });

  it('allows only its own script, by nonce', () => {
    assert.match(html, /script-src 'nonce-n0nce'/);
    assert.match(html, /<script nonce="n0nce">/);
    assert.equal(html.match(/<script/g)?.length, 1);
  });

  it('escapes the file name and the messages', () => {
    const page = renderSummaryHtml(
      parseSummary({ findings: [{ ruleId: 'privacy.x', category: 'health', message: '<img src=x onerror=alert(1)>', range: range(0, 0, 1) }] }),
      { ...pageOptions, documentName: '"><script>.md' },
    );
    assert.ok(!page.includes('<img'));
    assert.ok(page.includes(escapeHtml('<img src=x onerror=alert(1)>')));
    assert.ok(page.includes('« &quot;&gt;&lt;script&gt;.md »'));
  });

  it('says so when the document has no finding', () => {
    assert.match(renderSummaryHtml(parseSummary({ findings: [] }), pageOptions), /Aucune remarque dans ce document\./);
  });
});
