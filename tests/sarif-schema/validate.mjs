// Validates SARIF logs against the SARIF 2.1.0 JSON schema shipped by Microsoft's SARIF SDK
// (@microsoft/sarif-multitool-linux, sarif-2.1.0.json, JSON Schema draft 2020-12), with Ajv in strict mode off (the
// schema uses annotations Ajv does not know) and every format checked (uri, date-time...).
// Usage: node validate.mjs LOG.sarif...   Prints "ok - ..." / "not ok - ..." per file; exit code 1 if any fails.
import { readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const here = dirname(fileURLToPath(import.meta.url));
const schema = JSON.parse(readFileSync(join(here, "node_modules/@microsoft/sarif-multitool-linux/sarif-2.1.0.json"), "utf8"));
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);
let failed = 0;
for (const file of process.argv.slice(2)) {
  const log = JSON.parse(readFileSync(file, "utf8"));
  if (validate(log)) {
    const results = log.runs.reduce((n, run) => n + (run.results?.length ?? 0), 0);
    console.log(`ok - sarif-schema: ${basename(file)} is valid SARIF 2.1.0 (${results} results)`);
  } else {
    failed++;
    const errors = validate.errors.slice(0, 5).map((e) => `${e.instancePath || "/"} ${e.message}`).join("; ");
    console.log(`not ok - sarif-schema: ${basename(file)}: ${errors}`);
  }
}
process.exit(failed === 0 ? 0 : 1);
