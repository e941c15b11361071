/**
 * VS Code settings → the `notelsp` settings object of the server contract (docs/lsp-contract.md). Every value is checked
 * here, so that a hand-edited settings.json with a wrong type falls back to the default instead of reaching the server.
 */

export type SeverityName = 'error' | 'warning' | 'information' | 'hint';
export type PseudonymisationStyle = 'initials' | 'role';

export interface ServerSettings {
  /** Left out when the setting is not a usable number: the server then applies its default, and it caps the value. */
  readonly debounceMs?: number;
  /** One finding per fact (the default), or every rule's finding on its own. */
  readonly groupFindings: boolean;
  readonly rules: {
    readonly disabled: readonly string[];
    readonly severity: Readonly<Record<string, SeverityName>>;
  };
  readonly customPacks: readonly string[];
  readonly language: 'fr';
  readonly pseudonymisation: { readonly style: PseudonymisationStyle };
  readonly maxDiagnosticsPerDocument: number;
}

export interface InitializationOptions {
  readonly workspaceTrusted: boolean;
  readonly settings: ServerSettings;
}

/** Reads one setting of the `notelsp` section by its key below the section, such as `rules.disabled`. */
export interface SettingsReader {
  get(key: string): unknown;
}

const SEVERITIES: readonly SeverityName[] = ['error', 'warning', 'information', 'hint'];

/** The languages always served. */
export const BUILT_IN_LANGUAGES: readonly string[] = ['plaintext', 'markdown'];

/**
 * Builds the settings the server receives. Custom packs are sent only in a trusted workspace: the server checks it too,
 * but a pack path from an untrusted folder should not even travel.
 */
export function toServerSettings(reader: SettingsReader, workspaceTrusted: boolean): ServerSettings {
  return {
    debounceMs: debounce(reader.get('debounceMs')),
    // Only an explicit false turns grouping off: a wrong type keeps the default.
    groupFindings: reader.get('groupFindings') !== false,
    rules: {
      disabled: stringList(reader.get('rules.disabled')),
      severity: severityMap(reader.get('rules.severity')),
    },
    customPacks: workspaceTrusted ? stringList(reader.get('customPacks')) : [],
    language: 'fr',
    pseudonymisation: { style: reader.get('pseudonymisation.style') === 'role' ? 'role' : 'initials' },
    maxDiagnosticsPerDocument: diagnosticsCap(reader.get('maxDiagnosticsPerDocument')),
  };
}

export function toInitializationOptions(reader: SettingsReader, workspaceTrusted: boolean): InitializationOptions {
  return { workspaceTrusted, settings: toServerSettings(reader, workspaceTrusted) };
}

/** The language ids the client serves: plain text, Markdown, and the valid extra ids of `notelsp.additionalLanguages`. */
export function servedLanguages(additional: unknown): string[] {
  const languages = [...BUILT_IN_LANGUAGES];
  for (const id of stringList(additional)) {
    if (/^[A-Za-z0-9_.+-]+$/.test(id) && !languages.includes(id)) {
      languages.push(id);
    }
  }
  return languages;
}

export interface DocumentFilterLike {
  readonly scheme: string;
  readonly language: string;
}

/** Saved files and new, still untitled documents of every served language. */
export function documentSelector(languages: readonly string[]): DocumentFilterLike[] {
  return languages.flatMap((language) => [
    { scheme: 'file', language },
    { scheme: 'untitled', language },
  ]);
}

/** The disabled list with one more rule, for "Désactiver la règle … pour l'espace de travail". */
export function withRuleDisabled(disabled: unknown, ruleId: string): string[] {
  const list = stringList(disabled);
  return list.includes(ruleId) ? list : [...list, ruleId];
}

// The default and the cap of the debounce are the server's (EffectiveSettings, SettingsResolver), declared to VS Code
// in the manifest, which a contract test ties to them: the client only drops what is not a number.
function debounce(value: unknown): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    return undefined;
  }
  return Math.round(value);
}

/** A whole number of diagnostics, 0 (the default) meaning no cap; anything else falls back to 0. */
function diagnosticsCap(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 0;
}

function stringList(value: unknown): string[] {
  if (!Array.isArray(value)) {
    return [];
  }
  const result: string[] = [];
  for (const item of value) {
    if (typeof item === 'string') {
      const trimmed = item.trim();
      if (trimmed.length > 0 && !result.includes(trimmed)) {
        result.push(trimmed);
      }
    }
  }
  return result;
}

function severityMap(value: unknown): Record<string, SeverityName> {
  const result: Record<string, SeverityName> = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return result;
  }
  for (const [key, severity] of Object.entries(value as Record<string, unknown>)) {
    const id = key.trim();
    if (id.length > 0 && SEVERITIES.includes(severity as SeverityName)) {
      result[id] = severity as SeverityName;
    }
  }
  return result;
}
