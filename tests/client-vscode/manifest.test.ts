import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

/**
 * The extension's manifest as VS Code reads it (issue #15): its strings come from package.nls.json, which holds the
 * French text shown whatever VS Code's display language, its icon is in the package, and the rule ids its settings
 * give as examples are rules the server has.
 */
const root = join(__dirname, '..', '..');
const manifestText = readFileSync(join(root, 'package.json'), 'utf8');
const manifest = JSON.parse(manifestText);
const strings: Record<string, string> = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8'));

function filesUnder(folder: string, suffix: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      return entry.name === 'bin' || entry.name === 'obj' ? [] : filesUnder(path, suffix);
    }
    return entry.name.endsWith(suffix) ? [path] : [];
  });
}

/** Every rule id the engine defines: the ids of the YAML packs and the ids the C# detectors declare. */
function ruleIds(): Set<string> {
  const ids = new Set<string>();
  for (const file of filesUnder(join(root, 'rules'), '.yaml')) {
    for (const match of readFileSync(file, 'utf8').matchAll(/^\s*-?\s*id:\s*([a-z0-9.-]+)\s*$/gm)) {
      ids.add(match[1]);
    }
  }
  for (const file of filesUnder(join(root, 'rules'), '.cs')) {
    for (const match of readFileSync(file, 'utf8').matchAll(/"((?:privacy|dignity)\.[a-z0-9-]+(?:\.[a-z0-9-]+)*)"/g)) {
      ids.add(match[1]);
    }
  }
  return ids;
}

describe('extension manifest', () => {
  it('takes every display string from package.nls.json, and package.nls.json holds no unused string', () => {
    const used = [...manifestText.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(used.length > 20, 'the manifest names its strings through package.nls.json');
    for (const key of used) {
      assert.ok(key in strings, `package.nls.json has no string "${key}"`);
      assert.ok(strings[key].trim().length > 0, `the string "${key}" is empty`);
    }
    assert.deepEqual(Object.keys(strings).filter((key) => !used.includes(key)), []);
  });

  it('writes no display string inline', () => {
    const inline: string[] = [];
    const visit = (value: unknown, path: string) => {
      if (typeof value === 'string') {
        if (/(description|Description|title|displayName|\.enumDescriptions\.\d+)$/.test(path) && !/^%[^%]+%$/.test(value)) {
          inline.push(path);
        }
      } else if (value && typeof value === 'object') {
        for (const [key, child] of Object.entries(value)) {
          visit(child, `${path}.${key}`);
        }
      }
    };
    visit({ displayName: manifest.displayName, description: manifest.description, contributes: manifest.contributes }, '');
    assert.deepEqual(inline, []);
  });

  it('shows French', () => {
    assert.match(strings['extension.description'], /travail social/);
    assert.match(strings['command.restartServer.title'], /Redémarrer/);
  });

  it('names as examples only rule ids, or beginnings of rule ids, that the server has', () => {
    const ids = [...ruleIds()];
    assert.ok(ids.length > 30, 'the rule ids of the packs are found');
    const named = Object.values(strings).flatMap((text) =>
      [...text.matchAll(/\b((?:privacy|dignity)\.[a-z0-9-]+(?:\.[a-z0-9-]+)*)/g)].map((m) => m[1]));
    assert.ok(named.length > 0);
    for (const id of named) {
      assert.ok(ids.some((known) => known === id || known.startsWith(`${id}.`)), `no rule is named ${id}`);
    }
  });

  it('has a 128 × 128 PNG icon that the package carries', () => {
    const icon = readFileSync(join(root, manifest.icon));
    assert.equal(icon.subarray(1, 4).toString('latin1'), 'PNG');
    assert.equal(icon.readUInt32BE(16), 128);
    assert.equal(icon.readUInt32BE(20), 128);
    assert.ok(statSync(join(root, manifest.icon)).size < 20_000);
    const ignore = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n');
    assert.ok(ignore.includes(`!${manifest.icon}`), '.vscodeignore keeps the icon in the package');
    assert.ok(ignore.includes('!package.nls.json'), '.vscodeignore keeps package.nls.json in the package');
  });
});
