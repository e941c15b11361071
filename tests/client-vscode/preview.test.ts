import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { previewEdit, rangeTouches, shiftRange } from '../../client-vscode/src/core/preview';

const at = (line: number, character: number) => ({ line, character });
const span = (startLine: number, startCharacter: number, endLine: number, endCharacter: number) => ({
  start: at(startLine, startCharacter),
  end: at(endLine, endCharacter),
});

describe('the preview of a rewrite', () => {
  it('shows the line before and after the change', () => {
    const line = 'La mère est hystérique lors des visites.';
    const preview = previewEdit([line], { range: span(0, 12, 0, 22), newText: 'a crié à plusieurs reprises' });
    assert.deepEqual(preview, {
      before: 'La mère est hystérique lors des visites.',
      after: 'La mère est a crié à plusieurs reprises lors des visites.',
    });
  });

  it('cuts long lines at a word boundary around the change', () => {
    const line = 'Lors de la visite médiatisée du mardi au service, Madame a semblé très fatiguée et le ton est monté entre les parents devant les enfants.';
    const start = line.indexOf('Madame');
    const preview = previewEdit([line], { range: span(0, start, 0, start + 6), newText: 'la mère' }, 20);
    assert.equal(preview.before, '…mardi au service, Madame a semblé très…');
    assert.equal(preview.after, '…mardi au service, la mère a semblé très…');
  });

  it('joins a change over two lines into one preview line', () => {
    const preview = previewEdit(['Il est vraiment', 'bête comme ses pieds.'], { range: span(0, 7, 1, 20), newText: 'en difficulté' });
    assert.equal(preview.before, 'Il est vraiment bête comme ses pieds.');
    assert.equal(preview.after, 'Il est en difficulté.');
  });
});

describe('moving a finding after an earlier rewrite', () => {
  const rewrite = { range: span(2, 4, 2, 14), newText: 'ab' };

  it('leaves findings before the rewrite where they are', () => {
    assert.deepEqual(shiftRange(span(1, 0, 1, 5), rewrite), span(1, 0, 1, 5));
    assert.deepEqual(shiftRange(span(2, 0, 2, 4), rewrite), span(2, 0, 2, 4));
  });

  it('moves findings later on the same line by the change in length', () => {
    assert.deepEqual(shiftRange(span(2, 20, 2, 25), rewrite), span(2, 12, 2, 17));
  });

  it('keeps the columns of findings on later lines when no line was added', () => {
    assert.deepEqual(shiftRange(span(5, 3, 5, 9), rewrite), span(5, 3, 5, 9));
  });

  it('moves later lines down when the rewrite adds a line', () => {
    const twoLines = { range: span(2, 4, 2, 14), newText: 'un\ndeux' };
    assert.deepEqual(shiftRange(span(2, 20, 2, 25), twoLines), span(3, 10, 3, 15));
    assert.deepEqual(shiftRange(span(4, 1, 4, 2), twoLines), span(5, 1, 5, 2));
  });

  it('gives up on a finding the rewrite overlapped', () => {
    assert.equal(shiftRange(span(2, 10, 2, 18), rewrite), undefined);
    assert.equal(shiftRange(span(2, 4, 2, 14), rewrite), undefined);
  });
});

describe('which findings the selection takes', () => {
  it('takes findings inside, across or touching the selection, including under an empty cursor', () => {
    const selection = span(3, 5, 3, 10);
    assert.equal(rangeTouches(span(3, 0, 3, 6), selection), true);
    assert.equal(rangeTouches(span(3, 10, 3, 12), selection), true);
    assert.equal(rangeTouches(span(3, 11, 3, 12), selection), false);
    assert.equal(rangeTouches(span(2, 0, 2, 40), selection), false);
    assert.equal(rangeTouches(span(3, 2, 3, 8), span(3, 4, 3, 4)), true);
  });
});
