import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  documentSelector,
  servedLanguages,
  toInitializationOptions,
  toServerSettings,
  withRuleDisabled,
} from '../../client-vscode/src/core/settings';

/** Stands for `workspace.getConfiguration('notelsp')`: keys below the section, as VS Code reads them. */
const reader = (values: Record<string, unknown>) => ({ get: (key: string) => values[key] });

describe('VS Code settings → server settings', () => {
  it('maps every setting to the shape of the contract', () => {
    const settings = toServerSettings(
      reader({
        debounceMs: 0,
        groupFindings: false,
        'rules.disabled': ['dignity.typography', 'health'],
        'rules.severity': { 'privacy.identifier.phone': 'information' },
        customPacks: ['regles/maison.yaml'],
        language: 'fr',
        'pseudonymisation.style': 'role',
        maxDiagnosticsPerDocument: 200,
        'server.path': '/opt/notelsp',
      }),
      true,
    );
    assert.deepEqual(settings, {
      debounceMs: 0,
      groupFindings: false,
      rules: { disabled: ['dignity.typography', 'health'], severity: { 'privacy.identifier.phone': 'information' } },
      customPacks: ['regles/maison.yaml'],
      language: 'fr',
      pseudonymisation: { style: 'role' },
      maxDiagnosticsPerDocument: 200,
    });
  });

  it('groups findings unless the setting is an explicit false', () => {
    assert.equal(toServerSettings(reader({ groupFindings: 'non' }), true).groupFindings, true);
    assert.equal(toServerSettings(reader({ groupFindings: false }), true).groupFindings, false);
  });

  it('uses the defaults when nothing is set', () => {
    // VS Code itself returns the manifest's default debounce; a reader that has none leaves it to the server.
    assert.deepEqual(toServerSettings(reader({}), true), {
      debounceMs: undefined,
      groupFindings: true,
      rules: { disabled: [], severity: {} },
      customPacks: [],
      language: 'fr',
      pseudonymisation: { style: 'initials' },
      maxDiagnosticsPerDocument: 0,
    });
  });

  it('does not send custom packs from an untrusted workspace', () => {
    const settings = toServerSettings(reader({ customPacks: ['regles/maison.yaml'] }), false);
    assert.deepEqual(settings.customPacks, []);
  });

  it('drops values of the wrong type from a hand-edited settings.json', () => {
    const settings = toServerSettings(
      reader({
        debounceMs: -5,
        'rules.disabled': ['  dignity.insult ', 42, '', 'dignity.insult'],
        'rules.severity': { 'privacy.health': 'fatal', 'dignity.hearsay': 'hint', '': 'error' },
        'pseudonymisation.style': 'nickname',
        maxDiagnosticsPerDocument: -3,
      }),
      true,
    );
    assert.equal(settings.maxDiagnosticsPerDocument, 0);
    assert.equal(settings.debounceMs, undefined);
    assert.deepEqual(settings.rules.disabled, ['dignity.insult']);
    assert.deepEqual(settings.rules.severity, { 'dignity.hearsay': 'hint' });
    assert.equal(settings.pseudonymisation.style, 'initials');
  });

  it('leaves the cap of a very long debounce to the server', () => {
    assert.equal(toServerSettings(reader({ debounceMs: 600000 }), true).debounceMs, 600000);
  });

  it('wraps the settings and the trust state in the initialization options', () => {
    const options = toInitializationOptions(reader({ customPacks: ['maison.yaml'] }), false);
    assert.equal(options.workspaceTrusted, false);
    assert.deepEqual(options.settings.customPacks, []);
  });
});

describe('served languages', () => {
  it('always serves plain text and Markdown, then the valid extra languages once each', () => {
    assert.deepEqual(servedLanguages(['latex', 'markdown', 'latex', 'not a language id', 7]), ['plaintext', 'markdown', 'latex']);
    assert.deepEqual(servedLanguages(undefined), ['plaintext', 'markdown']);
  });

  it('selects saved and untitled documents of each language', () => {
    assert.deepEqual(documentSelector(['markdown']), [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ]);
  });
});

describe('disabling a rule for the workspace', () => {
  it('adds the rule once to the existing list', () => {
    assert.deepEqual(withRuleDisabled(['health'], 'dignity.hearsay.on-dit'), ['health', 'dignity.hearsay.on-dit']);
    assert.deepEqual(withRuleDisabled(['health'], 'health'), ['health']);
    assert.deepEqual(withRuleDisabled(undefined, 'health'), ['health']);
  });
});
