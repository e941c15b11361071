// A node:test reporter that writes one "ok - …" / "not ok - …" line per test (suites left out), the format the
// project's scripts/count-results.py adds up. Usage: node --test --test-reporter=./tests/client-vscode/result-lines.mjs
import * as path from 'node:path';

export default async function* resultLines(source) {
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') {
      continue;
    }
    if (event.data.details?.type === 'suite') {
      continue;
    }
    const file = event.data.file ? path.basename(event.data.file).replace(/\.test\.[cm]?[jt]s$/, '') : 'unit';
    const status = event.type === 'test:pass' ? 'ok' : 'not ok';
    yield `${status} - vscode unit (${file}): ${event.data.name.replace(/\s+/g, ' ')}\n`;
  }
}
