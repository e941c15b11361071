/**
 * "Reformuler les remarques de la sélection": walks through the findings in the selection one by one, shows each
 * proposed rewrite as a before/after preview, and applies the one the user picks. Nothing is rewritten without a
 * choice; Échap stops, keeping what was already applied.
 */
import * as vscode from 'vscode';
import { isNotelspDiagnostic, plural, ruleIdOf } from './core/families';
import { comparePositions, previewEdit, rangeTouches, shiftRange, type TextEditLike } from './core/preview';

/**
 * The quick fixes that are not rewrites of the finding itself: suppression comments, disabling the rule, and the
 * document-wide pseudonymisation. Every other quick fix that edits the finding's words once is offered.
 */
const NOT_A_REWRITE = /^(Ignorer|Désactiver|Pseudonymiser)\b/;

interface Proposal {
  readonly title: string;
  readonly edit: TextEditLike;
}

interface Finding {
  readonly diagnostic: vscode.Diagnostic;
  readonly proposals: readonly Proposal[];
}

interface ProposalItem extends vscode.QuickPickItem {
  readonly proposal?: Proposal;
}

export async function rephraseSelection(editor: vscode.TextEditor): Promise<void> {
  const document = editor.document;
  const selection = editor.selection;
  const diagnostics = vscode.languages
    .getDiagnostics(document.uri)
    .filter((diagnostic) => isNotelspDiagnostic(diagnostic) && rangeTouches(diagnostic.range, selection))
    .sort((a, b) => comparePositions(a.range.start, b.range.start));
  if (diagnostics.length === 0) {
    void vscode.window.showInformationMessage('Aucune remarque NoteLsp dans la sélection.');
    return;
  }

  // Every proposal is computed on the text as it is now; later ones are moved by the rewrites applied before them.
  const findings = await Promise.all(diagnostics.map((diagnostic) => proposalsFor(document, diagnostic)));
  const applied: TextEditLike[] = [];
  let kept = 0;
  let withoutProposal = 0;
  let stopped = false;
  for (const [index, finding] of findings.entries()) {
    const proposals = finding.proposals
      .map((proposal) => ({ ...proposal, edit: moved(proposal.edit, applied) }))
      .filter((proposal): proposal is Proposal => proposal.edit !== undefined);
    if (proposals.length === 0) {
      withoutProposal++;
      continue;
    }
    const range = moved({ range: finding.diagnostic.range, newText: '' }, applied)?.range ?? proposals[0].edit.range;
    const target = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
    editor.selection = new vscode.Selection(target.start, target.end);
    editor.revealRange(target, vscode.TextEditorRevealType.InCenterIfOutsideViewport);

    const choice = await pickProposal(document, finding.diagnostic, proposals, index + 1, findings.length);
    if (choice === undefined) {
      stopped = true;
      break;
    }
    if (choice === 'keep') {
      kept++;
      continue;
    }
    const edit = new vscode.WorkspaceEdit();
    const { start, end } = choice.edit.range;
    edit.replace(document.uri, new vscode.Range(start.line, start.character, end.line, end.character), choice.edit.newText);
    if (await vscode.workspace.applyEdit(edit)) {
      applied.push(choice.edit);
    }
  }

  const parts = [plural(applied.length, 'remarque reformulée', 'remarques reformulées')];
  if (kept > 0) {
    parts.push(plural(kept, 'laissée telle quelle', 'laissées telles quelles'));
  }
  if (withoutProposal > 0) {
    parts.push(`${plural(withoutProposal, 'sans proposition', 'sans proposition')} de reformulation`);
  }
  void vscode.window.showInformationMessage(`${parts.join(', ')}${stopped ? ' (arrêt demandé)' : ''}.`);
}

async function proposalsFor(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): Promise<Finding> {
  const actions =
    (await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      diagnostic.range,
      vscode.CodeActionKind.QuickFix.value,
      50,
    )) ?? [];
  const ruleId = ruleIdOf(diagnostic);
  const proposals: Proposal[] = [];
  for (const action of actions) {
    if (NOT_A_REWRITE.test(action.title) || !concerns(action, diagnostic, ruleId)) {
      continue;
    }
    const edits = action.edit?.get(document.uri) ?? [];
    if (edits.length === 1 && edits[0].range.intersection(diagnostic.range) !== undefined) {
      proposals.push({ title: action.title, edit: { range: edits[0].range, newText: edits[0].newText } });
    }
  }
  return { diagnostic, proposals };
}

/** An action lists the diagnostics it fixes; when it does, it must include this one. */
function concerns(action: vscode.CodeAction, diagnostic: vscode.Diagnostic, ruleId: string | undefined): boolean {
  if (action.diagnostics === undefined || action.diagnostics.length === 0) {
    return true;
  }
  return action.diagnostics.some((fixed) => ruleIdOf(fixed) === ruleId && fixed.range.isEqual(diagnostic.range));
}

function moved(edit: TextEditLike, applied: readonly TextEditLike[]): TextEditLike | undefined {
  let range: TextEditLike['range'] | undefined = edit.range;
  for (const previous of applied) {
    range = range === undefined ? undefined : shiftRange(range, previous);
  }
  return range === undefined ? undefined : { range, newText: edit.newText };
}

async function pickProposal(
  document: vscode.TextDocument,
  diagnostic: vscode.Diagnostic,
  proposals: readonly Proposal[],
  position: number,
  total: number,
): Promise<Proposal | 'keep' | undefined> {
  const items: ProposalItem[] = proposals.map((proposal) => ({
    label: `$(edit) ${proposal.title}`,
    detail: previewOf(document, proposal.edit).after,
    proposal,
  }));
  items.push({ label: '$(debug-step-over) Laisser tel quel', detail: 'Passer à la remarque suivante sans rien changer.' });

  // The current wording sits in the input line, above the proposals, so that each one reads as "before / after".
  const picked = await vscode.window.showQuickPick(items, {
    title: `Remarque ${position} sur ${total} : ${diagnostic.message}`,
    placeHolder: `Actuellement : ${previewOf(document, proposals[0].edit).before}`,
    matchOnDetail: true,
    ignoreFocusOut: true,
  });
  if (picked === undefined) {
    return undefined;
  }
  return picked.proposal ?? 'keep';
}

function previewOf(document: vscode.TextDocument, edit: TextEditLike) {
  const lines: string[] = [];
  for (let line = edit.range.start.line; line <= edit.range.end.line && line < document.lineCount; line++) {
    lines.push(document.lineAt(line).text);
  }
  return previewEdit(lines, edit);
}
