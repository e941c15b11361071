// Opens the audit report in headless Chromium (Debian's) and checks it as a DPO would use it, against the JSON report
// of the same run. Usage: node audit-html-page.mjs REPORT.html REPORT.json SCREENSHOT.png
// Prints one "ok - ..." or "not ok - ..." line per check; the exit code is 1 when any check failed.
import { readFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const [htmlPath, jsonPath, screenshot] = process.argv.slice(2);
const report = JSON.parse(readFileSync(jsonPath, "utf8"));
const read = report.files.filter((f) => f.error === undefined);
const findings = read.flatMap((f) => f.findings.map((finding) => ({ file: f.path, ...finding })));
let failures = 0;
const check = (name, pass, detail = "") => {
  console.log(`${pass ? "ok" : "not ok"} - audit-html: ${name}${pass || !detail ? "" : ` (${detail})`}`);
  if (!pass) failures++;
};
const countBy = (items, key) => {
  const counts = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
};
const same = (a, b) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());
const folderOf = (path) => (path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : ".");

const profile = mkdtempSync(join(tmpdir(), "notelsp-audit-chromium-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  headless: true,
  viewport: { width: 1280, height: 900 },
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
  const url = pathToFileURL(htmlPath).href;
  const consoleErrors = [];
  const requests = [];
  page.on("console", (message) => { if (message.type() === "error" || message.type() === "warning") consoleErrors.push(message.text()); });
  page.on("pageerror", (error) => consoleErrors.push(String(error)));
  page.on("request", (request) => { if (request.url() !== url) requests.push(request.url()); });
  await page.goto(url, { waitUntil: "load" });
  await page.waitForTimeout(300);

  check("the page loads with no console error", consoleErrors.length === 0, consoleErrors.slice(0, 3).join(" | "));
  check("the page makes no request", requests.length === 0, requests.slice(0, 3).join(" "));
  check("the page is in French", (await page.getAttribute("html", "lang")) === "fr");

  const figure = async (id) => Number(await page.textContent(`[data-figure="${id}"]`));
  check("documents read match the JSON report", (await figure("documents")) === read.length, `${await figure("documents")} vs ${read.length}`);
  // On a mismatch, the findings that only one of the two runs gave are named: the engine drops a pattern rule's
  // findings when its regex times out, which a machine under heavy load can cause.
  const pageKeys = await page.$$eval("#findings-table tbody tr", (trs) => trs.map((tr) => `${tr.dataset.file}:${tr.cells[1].textContent}:${tr.cells[2].textContent} ${tr.dataset.rule}`));
  const jsonKeys = findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`);
  const onlyIn = (a, b) => { const rest = new Set(b); return a.filter((k) => !rest.has(k)).slice(0, 3).join(", "); };
  check("findings match the JSON report", (await figure("findings")) === findings.length,
    `${await figure("findings")} vs ${findings.length}; only in the page: ${onlyIn(pageKeys, jsonKeys)}; only in the JSON: ${onlyIn(jsonKeys, pageKeys)}`);
  check("documents with findings match the JSON report",
    (await figure("documents-with-findings")) === read.filter((f) => f.findings.length > 0).length);
  check("unreadable inputs match the JSON report", (await figure("failed")) === report.files.length - read.length);

  const table = (id) => page.$$eval(`#${id} tr[data-key]`, (rows) => Object.fromEntries(rows.map((r) => [r.dataset.key, Number(r.dataset.count)])));
  const byCategory = countBy(findings, (f) => f.category);
  check("counts by category match the JSON report", same(await table("by-category"), byCategory));
  check("counts by rule match the JSON report", same(await table("by-rule"), countBy(findings, (f) => f.ruleId)));
  check("counts by folder match the JSON report", same(await table("by-folder"), countBy(findings, (f) => folderOf(f.file))));
  const bars = await page.$$eval("#chart-category g.bar", (gs) => Object.fromEntries(gs.map((g) => [g.dataset.key, Number(g.dataset.count)])));
  check("the chart by category draws the JSON report's figures", same(bars, byCategory));
  const timeBars = await page.$$eval("#chart-time g.bar", (gs) => gs.map((g) => Number(g.dataset.count)));
  check("the chart over the files' dates has every finding, in several periods",
    timeBars.reduce((a, b) => a + b, 0) === findings.length && timeBars.filter((n) => n > 0).length > 3, timeBars.join(","));
  const rules = await page.$$eval("#rules article.rule", (articles) => articles.map((a) => a.dataset.rule));
  check("every rule that fired is explained", same(Object.fromEntries(rules.map((r) => [r, 1])), Object.fromEntries(Object.keys(report.rules).map((r) => [r, 1]))));

  const rows = () => page.$$eval("#findings-table tbody tr", (trs) => trs.filter((tr) => !tr.hidden).map((tr) => ({
    file: tr.cells[0].textContent, line: Number(tr.cells[1].textContent), category: tr.dataset.category, rule: tr.dataset.rule })));
  check("the table lists every finding", (await rows()).length === findings.length);

  // Sort: the line column ascending, then descending; the file column in French order.
  await page.click("#findings-table th:nth-child(2) button");
  let lines = (await rows()).map((r) => r.line);
  check("sorting by line orders the rows up", lines.every((n, i) => i === 0 || lines[i - 1] <= n) && lines.length === findings.length);
  await page.click("#findings-table th:nth-child(2) button");
  lines = (await rows()).map((r) => r.line);
  check("sorting again orders them down", lines.every((n, i) => i === 0 || lines[i - 1] >= n) && lines[0] > lines[lines.length - 1]);
  await page.click("#findings-table th:nth-child(1) button");
  const files = (await rows()).map((r) => r.file);
  const collator = new Intl.Collator("fr", { numeric: true, sensitivity: "base" });
  check("sorting by file orders the paths", files.every((f, i) => i === 0 || collator.compare(files[i - 1], f) <= 0));

  // Filter: by category, by a rule's id typed in the search box, then both cleared.
  const [category, categoryCount] = Object.entries(byCategory).sort((a, b) => a[1] - b[1])[0];
  await page.selectOption("#filter-category", category);
  let shown = await rows();
  check("filtering by category shows that category only", shown.length === categoryCount && shown.every((r) => r.category === category)
    && Number(await page.textContent("#shown-count")) === categoryCount, `${shown.length} vs ${categoryCount}`);
  await page.selectOption("#filter-category", "");
  const [rule, ruleCount] = Object.entries(countBy(findings, (f) => f.ruleId)).sort((a, b) => b[1] - a[1])[0];
  await page.fill("#filter-text", rule);
  shown = await rows();
  check("filtering by text finds a rule's findings", shown.length === ruleCount && shown.every((r) => r.rule === rule), `${shown.length} vs ${ruleCount}`);
  await page.fill("#filter-text", "");
  check("clearing the filters shows every finding again", (await rows()).length === findings.length);

  const masked = await page.$$eval("#findings-table td.excerpt", (cells) => cells.filter((c) => c.querySelector(".mask.own")).length);
  check("privacy mode: every excerpt masks its own words", masked === findings.length, `${masked} of ${findings.length}`);

  // The screenshot is of the top of the page, figures and charts; it is checked for the bars' two colours, read back
  // through a canvas in a blank page, so that a page drawn empty or unstyled fails.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: screenshot, fullPage: false });
  const probe = await context.newPage();
  const colours = await probe.evaluate(async (data) => {
    const image = new Image();
    image.src = `data:image/png;base64,${data}`;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = image.width;
    canvas.height = image.height;
    const drawing = canvas.getContext("2d");
    drawing.drawImage(image, 0, 0);
    const pixels = drawing.getImageData(0, 0, image.width, image.height).data;
    const near = (i, [r, g, b]) => Math.abs(pixels[i] - r) + Math.abs(pixels[i + 1] - g) + Math.abs(pixels[i + 2] - b) < 24;
    let privacy = 0, dignity = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      if (near(i, [0x2f, 0x6d, 0xb5])) privacy++;
      if (near(i, [0xc4, 0x6a, 0x1b])) dignity++;
    }
    return { privacy, dignity, width: image.width, height: image.height };
  }, readFileSync(screenshot).toString("base64"));
  await probe.close();
  check("the screenshot shows the charts' privacy and dignity bars", colours.privacy > 2000 && colours.dignity > 2000, JSON.stringify(colours));
  check("still no console error after sorting and filtering", consoleErrors.length === 0, consoleErrors.slice(0, 3).join(" | "));
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(failures === 0 ? 0 : 1);
