// Times harper.js and alex on an English text, in process and after a warm-up, and prints one JSON line per tool:
// { "tool", "kb", "runs", "medianMs", "msPerKb", "findings" }. Start-up (loading the WebAssembly module, building
// alex's pipeline) is excluded, as for notelsp's engine numbers. Usage: node compare.mjs FILE [RUNS]
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { LocalLinter } from 'harper.js';
import { binaryInlined } from 'harper.js/binaryInlined';
import { markdown as alexMarkdown } from 'alex';

const file = process.argv[2];
const runs = Number(process.argv[3] ?? 5);
const text = readFileSync(file, 'utf8');
const kb = Buffer.byteLength(text, 'utf8') / 1024;

async function measure(tool, lintOnce) {
  let findings = await lintOnce();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    findings = await lintOnce();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const medianMs = times[Math.floor(times.length / 2)];
  console.log(JSON.stringify({ tool, kb: Number(kb.toFixed(1)), runs, medianMs: Number(medianMs.toFixed(2)), msPerKb: Number((medianMs / kb).toFixed(4)), findings }));
}

const harper = new LocalLinter({ binary: binaryInlined });
await harper.setup();
await measure('harper.js', async () => (await harper.lint(text)).length);
await measure('alex', async () => alexMarkdown(text).messages.length);
