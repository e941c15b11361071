/**
 * Helpers of the "rephrase the selection" command: the preview of one rewrite, and keeping the positions of the next
 * findings right once an earlier rewrite has changed the length of the text before them.
 */
import type { Position, Range } from './summary';

export interface TextEditLike {
  readonly range: Range;
  readonly newText: string;
}

export interface Preview {
  /** The passage as it is now. */
  readonly before: string;
  /** The same passage with the rewrite applied. */
  readonly after: string;
}

/** Characters of context kept on each side of the rewritten words in a preview. */
export const PREVIEW_CONTEXT = 40;

/**
 * Shows what a rewrite changes: the edited lines before and after, cut to some context around the change with "…".
 * `lines` holds the document lines from `edit.range.start.line` to `edit.range.end.line`.
 */
export function previewEdit(lines: readonly string[], edit: TextEditLike, context = PREVIEW_CONTEXT): Preview {
  const { start, end } = edit.range;
  const first = lines[0] ?? '';
  const last = lines[end.line - start.line] ?? '';
  const head = first.slice(0, start.character);
  const tail = last.slice(end.character);
  const removed =
    start.line === end.line
      ? first.slice(start.character, end.character)
      : [first.slice(start.character), ...lines.slice(1, end.line - start.line), last.slice(0, end.character)].join('\n');
  const left = clipLeft(head, context);
  const right = clipRight(tail, context);
  return {
    before: oneLine(left + removed + right),
    after: oneLine(left + edit.newText + right),
  };
}

/** Compares two positions: negative when `a` comes first. */
export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/**
 * Where `range` stands once `edit` has been applied, or undefined when the edit touched it (the finding it marks has
 * been rewritten, or its words are gone). Ranges before the edit do not move.
 */
export function shiftRange(range: Range, edit: TextEditLike): Range | undefined {
  if (comparePositions(range.end, edit.range.start) <= 0) {
    return range;
  }
  if (comparePositions(range.start, edit.range.end) < 0) {
    return undefined;
  }
  return { start: shiftPosition(range.start, edit), end: shiftPosition(range.end, edit) };
}

/** Moves a position at or after the end of `edit` by the lines and characters the edit added or removed. */
export function shiftPosition(position: Position, edit: TextEditLike): Position {
  const insertedLines = edit.newText.split('\n');
  const lineDelta = insertedLines.length - 1 - (edit.range.end.line - edit.range.start.line);
  if (position.line !== edit.range.end.line) {
    return { line: position.line + lineDelta, character: position.character };
  }
  const lastInserted = insertedLines[insertedLines.length - 1];
  const newEndCharacter = (insertedLines.length === 1 ? edit.range.start.character : 0) + lastInserted.length;
  return { line: position.line + lineDelta, character: newEndCharacter + (position.character - edit.range.end.character) };
}

/** Whether two ranges share at least one character, or one is empty and sits inside the other. */
export function rangesOverlap(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) < 0 && comparePositions(b.start, a.end) < 0;
}

/** Whether `range` intersects or touches the selection: a finding under the cursor counts as selected. */
export function rangeTouches(range: Range, selection: Range): boolean {
  return comparePositions(range.start, selection.end) <= 0 && comparePositions(selection.start, range.end) <= 0;
}

function clipLeft(text: string, context: number): string {
  return text.length <= context ? text : '…' + text.slice(text.length - context).replace(/^\S*\s/, '');
}

function clipRight(text: string, context: number): string {
  return text.length <= context ? text : text.slice(0, context).replace(/\s\S*$/, '') + '…';
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}
