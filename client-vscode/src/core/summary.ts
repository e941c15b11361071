/**
 * The document summary: counts by family and category, and the list of findings with their positions. It comes from
 * the server's `notelsp.documentSummary` command, or is rebuilt from the diagnostics VS Code holds when the server
 * cannot answer. Only rule messages and positions are in it, never the document's own text.
 */
import { CATEGORY_IDS, FAMILIES, categoryFamily, type Family } from './categories';
import { categoryOf, familyOf, isNotelspDiagnostic, ruleIdOf, type DiagnosticLike } from './families';
import type { SeverityName } from './settings';

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export interface SummaryFinding {
  readonly ruleId: string;
  readonly category: string;
  readonly family: Family;
  readonly severity: SeverityName;
  readonly message: string;
  readonly range: Range;
}

export interface DocumentSummary {
  readonly uri: string;
  readonly version: number | null;
  readonly counts: Readonly<Record<Family, number>>;
  readonly byCategory: Readonly<Record<string, number>>;
  readonly findings: readonly SummaryFinding[];
}

/** A diagnostic as the summary needs it: the glue converts VS Code's severity enum to a name first. */
export interface SummaryDiagnostic extends DiagnosticLike {
  readonly message: string;
  readonly range: Range;
  readonly severityName: SeverityName;
}

/** LSP numbers its severities from 1 (error) to 4 (hint). */
const LSP_SEVERITIES: readonly SeverityName[] = ['error', 'warning', 'information', 'hint'];

/** Checks the server's answer and turns it into a summary; throws with a French message when it is not one. */
export function parseSummary(value: unknown): DocumentSummary {
  if (typeof value !== 'object' || value === null) {
    throw new Error('la réponse du serveur n\'est pas une synthèse');
  }
  const raw = value as Record<string, unknown>;
  const rawFindings = Array.isArray(raw.findings) ? raw.findings : [];
  const findings: SummaryFinding[] = [];
  for (const item of rawFindings) {
    const finding = parseFinding(item);
    if (finding !== undefined) {
      findings.push(finding);
    }
  }
  return buildSummary(
    typeof raw.uri === 'string' ? raw.uri : '',
    typeof raw.version === 'number' ? raw.version : null,
    sortFindings(findings),
  );
}

/** Rebuilds the summary from the notelsp diagnostics VS Code shows for the document. */
export function summaryFromDiagnostics(
  uri: string,
  version: number | null,
  diagnostics: readonly SummaryDiagnostic[],
): DocumentSummary {
  const findings: SummaryFinding[] = [];
  for (const diagnostic of diagnostics) {
    if (!isNotelspDiagnostic(diagnostic)) {
      continue;
    }
    const family = familyOf(diagnostic);
    if (family === undefined) {
      continue;
    }
    findings.push({
      ruleId: ruleIdOf(diagnostic) ?? '',
      category: categoryOf(diagnostic) ?? 'inconnue',
      family,
      severity: diagnostic.severityName,
      message: diagnostic.message,
      range: diagnostic.range,
    });
  }
  return buildSummary(uri, version, sortFindings(findings));
}

/** The categories present in the summary, in the server's order, with their counts; unknown ids come last. */
export function categoriesInOrder(summary: DocumentSummary, family: Family): Array<[string, number]> {
  const present = Object.entries(summary.byCategory).filter(([category, count]) => count > 0 && familyOfCategory(summary, category) === family);
  const rank = (category: string): number => {
    const index = CATEGORY_IDS.indexOf(category);
    return index < 0 ? CATEGORY_IDS.length : index;
  };
  return present.sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}

function familyOfCategory(summary: DocumentSummary, category: string): Family | undefined {
  return categoryFamily(category) ?? summary.findings.find((finding) => finding.category === category)?.family;
}

function buildSummary(uri: string, version: number | null, findings: SummaryFinding[]): DocumentSummary {
  const counts: Record<Family, number> = { privacy: 0, dignity: 0 };
  const byCategory: Record<string, number> = {};
  for (const finding of findings) {
    counts[finding.family]++;
    byCategory[finding.category] = (byCategory[finding.category] ?? 0) + 1;
  }
  return { uri, version, counts, byCategory, findings };
}

function sortFindings(findings: SummaryFinding[]): SummaryFinding[] {
  return findings.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      a.ruleId.localeCompare(b.ruleId),
  );
}

function parseFinding(item: unknown): SummaryFinding | undefined {
  if (typeof item !== 'object' || item === null) {
    return undefined;
  }
  const raw = item as Record<string, unknown>;
  const range = parseRange(raw.range);
  const ruleId = typeof raw.ruleId === 'string' ? raw.ruleId : undefined;
  const category = typeof raw.category === 'string' ? raw.category : undefined;
  if (range === undefined || ruleId === undefined || category === undefined) {
    return undefined;
  }
  const family = FAMILIES.find((candidate) => candidate === raw.family) ?? categoryFamily(category);
  if (family === undefined) {
    return undefined;
  }
  return {
    ruleId,
    category,
    family,
    severity: parseSeverity(raw.severity),
    message: typeof raw.message === 'string' ? raw.message : '',
    range,
  };
}

function parseSeverity(value: unknown): SeverityName {
  if (typeof value === 'number') {
    return LSP_SEVERITIES[value - 1] ?? 'warning';
  }
  if (typeof value === 'string') {
    const name = value.toLowerCase();
    if (name === 'info') {
      return 'information';
    }
    return LSP_SEVERITIES.find((severity) => severity === name) ?? 'warning';
  }
  return 'warning';
}

function parseRange(value: unknown): Range | undefined {
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  const raw = value as Record<string, unknown>;
  const start = parsePosition(raw.start);
  const end = parsePosition(raw.end);
  return start !== undefined && end !== undefined ? { start, end } : undefined;
}

function parsePosition(value: unknown): Position | undefined {
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  const raw = value as Record<string, unknown>;
  const { line, character } = raw;
  if (typeof line !== 'number' || typeof character !== 'number' || line < 0 || character < 0) {
    return undefined;
  }
  return { line, character };
}
