import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countByFamily, familyOf, plural, ruleIdOf, statusBarText, statusBarTooltip } from '../../client-vscode/src/core/families';

const fromServer = (ruleId: string, category: string, family: string) => ({
  source: 'notelsp',
  code: { value: ruleId, target: { toString: () => 'https://www.cnil.fr/' } },
  data: { category, family, ruleId },
});

describe('counting diagnostics by family', () => {
  it('counts each family from the data the server attaches', () => {
    const diagnostics = [
      fromServer('privacy.identifier.phone', 'identifier', 'privacy'),
      fromServer('privacy.health.diagnosis', 'health', 'privacy'),
      fromServer('dignity.judgement.lazy', 'judgement', 'dignity'),
    ];
    assert.deepEqual(countByFamily(diagnostics), { privacy: 2, dignity: 1 });
  });

  it('leaves out the diagnostics of other extensions', () => {
    const diagnostics = [
      fromServer('dignity.insult.generic', 'insult', 'dignity'),
      { source: 'cSpell', code: 'privacy.lookalike', data: { family: 'privacy' } },
      { code: 'dignity.no-source' },
    ];
    assert.deepEqual(countByFamily(diagnostics), { privacy: 0, dignity: 1 });
  });

  it('does not count the reminder of an unfilled placeholder, so a rephrasing never raises the count', () => {
    const diagnostics = [
      fromServer('dignity.essentialising.label', 'essentialising', 'dignity'),
      fromServer('dignity.placeholder.unfilled', 'placeholder', 'dignity'),
    ];
    assert.deepEqual(countByFamily(diagnostics), { privacy: 0, dignity: 1 });
  });

  it('falls back on the rule id prefix when the data was lost', () => {
    assert.equal(familyOf({ source: 'notelsp', code: 'privacy.identifier.iban' }), 'privacy');
    assert.equal(familyOf({ source: 'notelsp', code: { value: 'dignity.hearsay.on-dit' } }), 'dignity');
  });

  it('falls back on the category when neither data.family nor a known prefix is there', () => {
    assert.equal(familyOf({ source: 'notelsp', code: 'maison.regle', data: { category: 'third-party' } }), 'privacy');
    assert.equal(familyOf({ source: 'notelsp', code: 'maison.regle', data: { category: 'typography' } }), 'dignity');
    assert.equal(familyOf({ source: 'notelsp', code: 'maison.regle', data: { category: 'inconnue' } }), undefined);
  });

  it('reads the rule id from a plain or a linked code, and from data as a last resort', () => {
    assert.equal(ruleIdOf({ code: 'privacy.identifier.nir' }), 'privacy.identifier.nir');
    assert.equal(ruleIdOf({ code: { value: 'dignity.typography.apostrophe' } }), 'dignity.typography.apostrophe');
    assert.equal(ruleIdOf({ data: { ruleId: 'dignity.generalisation.toujours' } }), 'dignity.generalisation.toujours');
    assert.equal(ruleIdOf({}), undefined);
  });
});

describe('status bar text', () => {
  it('shows both families with their counts', () => {
    assert.equal(statusBarText({ privacy: 3, dignity: 0 }), '$(shield) Confidentialité 3 · Dignité 0');
  });

  it('writes the tooltip in French, singular for zero and one', () => {
    assert.equal(
      statusBarTooltip({ privacy: 1, dignity: 0 }),
      'NoteLsp : 1 chose à revoir dans ce document (1 remarque de confidentialité et 0 remarque de dignité) ; les règles qui relèvent le même fait comptent pour une. Cliquer pour afficher la synthèse.',
    );
    assert.equal(plural(2, 'remarque', 'remarques'), '2 remarques');
  });
});
