// What a person does in the VS Code window, as Playwright steps: open a file, go to a position, hover, open the
// quick fixes, run a palette command, read the status bar. Selectors are VS Code's own class names.
const EDITOR = '.monaco-editor[data-uri]';

export async function waitForWorkbench(page, timeout = 90_000) {
  await page.waitForSelector('.monaco-workbench', { timeout });
  await page.waitForSelector('.statusbar', { timeout });
}

/** Opens a file of the workspace with Ctrl+P, like a user typing its name. */
export async function openFile(page, fileName, firstWords) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(fileName);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator(`${EDITOR} .view-lines`, { hasText: firstWords }).first().waitFor({ timeout: 30_000 });
}

/** Gives the focus back to the editor of the first group (Ctrl+1). */
export async function focusEditor(page) {
  await page.keyboard.press('Control+1');
  await page.locator('.monaco-editor.focused').first().waitFor({ timeout: 10_000 });
}

/** Moves the cursor with Ctrl+G to a 1-based line and column. */
export async function goTo(page, line, column) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
}

/**
 * Shows the hover at the cursor (Ctrl+K Ctrl+I) and returns its text once it matches `expected`, or its last text
 * after `timeout`: the diagnostic part appears first, the server's explanation a moment later.
 */
export async function hoverAtCursor(page, expected, timeout = 8_000) {
  await focusEditor(page);
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  const hover = page.locator('.monaco-hover:visible').first();
  await hover.waitFor({ state: 'visible', timeout: 15_000 });
  const deadline = Date.now() + timeout;
  let text = '';
  while (Date.now() < deadline) {
    text = await hover.innerText().catch(() => text);
    if (expected.test(text)) {
      break;
    }
    await page.waitForTimeout(200);
  }
  return text;
}

/**
 * Opens the quick fixes at the cursor (Ctrl+.) and returns the entries' texts. The editor is focused first: after
 * Ctrl+G, VS Code gives the focus back to whatever had it before, and when that was the Problems panel's filter box,
 * Ctrl+. went to the filter box and the quick fix list never opened (a failure seen once in CI).
 */
export async function quickFixesAtCursor(page) {
  const widget = page.locator('.action-widget').filter({ visible: true }).first();
  for (let attempt = 1; ; attempt++) {
    await focusEditor(page);
    await page.keyboard.press('Control+.');
    const shown = await widget.waitFor({ state: 'visible', timeout: 15_000 }).then(() => true, () => false);
    if (shown) {
      break;
    }
    if (attempt === 2) {
      throw new Error('the quick fix list did not open at the cursor (Ctrl+.), twice');
    }
    await page.keyboard.press('Escape');
  }
  const rows = widget.locator('.monaco-list-row.action');
  await rows.first().waitFor({ timeout: 15_000 });
  return { widget, texts: await rows.allInnerTexts() };
}

/** The Problems panel row of one finding: its rule id and its "[Ln 12, Col 5]" position. */
export function problemsRow(page, finding) {
  return page
    .locator('.markers-panel .monaco-list-row', { hasText: finding.ruleId })
    .filter({ hasText: `[Ln ${finding.line}, Col ${finding.column}]` })
    .first();
}

/** Types into the Problems panel's filter box (the panel opens first if it is closed). */
export async function filterProblems(page, text) {
  const filter = page.locator('.markers-panel-container .viewpane-filter input, .panel .viewpane-filter input').first();
  if (!(await filter.isVisible())) {
    await page.keyboard.press('Control+Shift+M');
  }
  await filter.fill(text);
}

/** Runs a command from the palette (F1) by the words of its title. */
export async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
}

/** The NoteLsp status bar item's text, or undefined while it is not shown. */
export async function statusText(page, hasText) {
  const item = page.locator('.statusbar-item', { hasText }).first();
  if ((await item.count()) === 0 || !(await item.isVisible())) {
    return undefined;
  }
  return (await item.innerText()).replace(/\s+/g, ' ').trim();
}

/** Parses "Confidentialité 3 · Dignité 5". */
export function parseCounts(text) {
  const match = /Confidentialité\s+(\d+)\s*·\s*Dignité\s+(\d+)/.exec(text ?? '');
  return match ? { privacy: Number(match[1]), dignity: Number(match[2]) } : undefined;
}

/** Polls `probe` until it returns a truthy value. */
export async function waitFor(probe, { timeout = 30_000, interval = 250, what = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    last = await probe();
    if (last) {
      return last;
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
  throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
}
