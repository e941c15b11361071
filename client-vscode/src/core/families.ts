/**
 * Counting diagnostics by family, for the status bar. Works on plain objects shaped like vscode.Diagnostic so that it
 * can be tested without VS Code.
 */
import { categoryFamily, isFamily, type Family } from './categories';

export const DIAGNOSTIC_SOURCE = 'notelsp';

/** The parts of a vscode.Diagnostic this module reads. */
export interface DiagnosticLike {
  readonly source?: string;
  readonly code?: string | number | { readonly value: string | number };
  /** Kept by vscode-languageclient from the protocol diagnostic: `{ category, family, ruleId }`. */
  readonly data?: unknown;
}

export interface FamilyCounts {
  readonly privacy: number;
  readonly dignity: number;
}

/** The rule id of a notelsp diagnostic: its code, which may be wrapped with the link to its reference. */
export function ruleIdOf(diagnostic: DiagnosticLike): string | undefined {
  const code = diagnostic.code;
  const value = typeof code === 'object' && code !== null ? code.value : code;
  if (typeof value === 'string' && value.length > 0) {
    return value;
  }
  const data = dataOf(diagnostic);
  return typeof data?.ruleId === 'string' ? data.ruleId : undefined;
}

/** The category id carried in the diagnostic's data, when the server sent it. */
export function categoryOf(diagnostic: DiagnosticLike): string | undefined {
  const category = dataOf(diagnostic)?.category;
  return typeof category === 'string' ? category : undefined;
}

/**
 * The family of a diagnostic. The server states it in `data.family`; when that was lost on the way (older clients
 * drop `data`), the rule id prefix (`privacy.` / `dignity.`) or the category still tells it.
 */
export function familyOf(diagnostic: DiagnosticLike): Family | undefined {
  const data = dataOf(diagnostic);
  if (isFamily(data?.family)) {
    return data.family;
  }
  const ruleId = ruleIdOf(diagnostic);
  if (ruleId?.startsWith('privacy.')) {
    return 'privacy';
  }
  if (ruleId?.startsWith('dignity.')) {
    return 'dignity';
  }
  const category = categoryOf(diagnostic);
  return category === undefined ? undefined : categoryFamily(category);
}

/** Whether a diagnostic comes from this server rather than from another extension. */
export function isNotelspDiagnostic(diagnostic: DiagnosticLike): boolean {
  return diagnostic.source === DIAGNOSTIC_SOURCE;
}

/** Counts the notelsp diagnostics of a document by family; diagnostics of other sources are left out. */
export function countByFamily(diagnostics: readonly DiagnosticLike[]): FamilyCounts {
  let privacy = 0;
  let dignity = 0;
  for (const diagnostic of diagnostics) {
    if (!isNotelspDiagnostic(diagnostic)) {
      continue;
    }
    // An unfilled placeholder ("[date]") is a reminder left on purpose by a rephrasing: counting it would make the
    // count go up after a fix.
    if (ruleIdOf(diagnostic) === 'dignity.placeholder.unfilled') {
      continue;
    }
    const family = familyOf(diagnostic);
    if (family === 'privacy') {
      privacy++;
    } else if (family === 'dignity') {
      dignity++;
    }
  }
  return { privacy, dignity };
}

/** The status bar text, with codicons: `$(shield) Confidentialité 2 · Dignité 5`. */
export function statusBarText(counts: FamilyCounts): string {
  return `$(shield) Confidentialité ${counts.privacy} · Dignité ${counts.dignity}`;
}

/**
 * The status bar tooltip: a full French sentence, with the plural where it is needed. The counts are things to fix:
 * the server groups the rules that flag the same fact into one diagnostic, and the tooltip says so.
 */
export function statusBarTooltip(counts: FamilyCounts): string {
  const privacy = plural(counts.privacy, 'remarque de confidentialité', 'remarques de confidentialité');
  const dignity = plural(counts.dignity, 'remarque de dignité', 'remarques de dignité');
  const total = plural(counts.privacy + counts.dignity, 'chose à revoir', 'choses à revoir');
  return `NoteLsp : ${total} dans ce document (${privacy} et ${dignity}) ; les règles qui relèvent le même fait comptent pour une. Cliquer pour afficher la synthèse.`;
}

/** "1 remarque", "0 remarque", "2 remarques": French takes the singular for 0 and 1. */
export function plural(count: number, singular: string, pluralForm: string): string {
  return `${count} ${count > 1 ? pluralForm : singular}`;
}

function dataOf(diagnostic: DiagnosticLike): Record<string, unknown> | undefined {
  const data = diagnostic.data;
  return typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : undefined;
}
