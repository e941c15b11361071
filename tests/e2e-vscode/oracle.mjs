// The expected findings of a file, from the same server's command line (`notelsp check --format json`): the VS Code
// view must agree with it.
import { execFileSync } from 'node:child_process';

export function checkFile(serverPath, file) {
  const output = execFileSync(serverPath, ['check', '--format', 'json', '--fail-on', 'none', file], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  const report = JSON.parse(output);
  return report.files[0].findings.map((finding) => ({
    ...finding,
    family: finding.ruleId.startsWith('privacy.') ? 'privacy' : 'dignity',
  }));
}

export function countByFamily(findings) {
  return {
    privacy: findings.filter((finding) => finding.family === 'privacy').length,
    dignity: findings.filter((finding) => finding.family === 'dignity').length,
  };
}
