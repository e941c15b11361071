import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { checkNameToReplace, initialsOf, looksLikeName } from '../../client-vscode/src/core/names';

describe('pseudonymisation helpers', () => {
  it('computes initials as the contract describes them', () => {
    assert.equal(initialsOf('Théo Martin'), 'T. M.');
    assert.equal(initialsOf('  jean-pierre   Dupont '), 'J.-P. D.');
    assert.equal(initialsOf('Élodie'), 'É.');
  });

  it('computes the initials of the shared vectors, which the server follows too', () => {
    const vectors = readFileSync(new URL('../contract/initials.tsv', import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => line.length > 0 && !line.startsWith('#'))
      .map((line) => line.split('\t'));
    assert.ok(vectors.length > 0);
    for (const [name, initials] of vectors) {
      assert.equal(initialsOf(name), initials, name);
    }
  });

  it('refuses an empty, multi-line, overlong or letterless name, in French', () => {
    assert.equal(checkNameToReplace('   '), 'Indiquez le nom à remplacer.');
    assert.equal(checkNameToReplace('Théo\nMartin'), 'Le nom doit tenir sur une seule ligne.');
    assert.equal(checkNameToReplace('A'.repeat(101)), 'Le nom est trop long (100 caractères au plus).');
    assert.equal(checkNameToReplace('06 12'), 'Le nom doit contenir au moins une lettre.');
    assert.equal(checkNameToReplace('Théo Martin'), undefined);
  });

  it('recognises capitalised names under the cursor', () => {
    assert.equal(looksLikeName('Martin'), true);
    assert.equal(looksLikeName('Marie-Ève'), true);
    assert.equal(looksLikeName('enfant'), false);
  });
});
