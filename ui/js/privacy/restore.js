// @ts-check
// Restoring from a Nestling file: choose it, see what it holds, then restore or merge it.
// Pure: builds DOM and reports what the parent asks for through `intents`.

import { el } from '../dom.js';

/** @param {number} n @param {string} one @param {string} many */
const count = (n, one, many) => `${n} ${n === 1 ? one : many}`;

/** What the file holds, in the parent's words. @param {import('../types.js').RestoreCounts} c */
export function describe(c) {
  return [
    count(c.moments, 'moment', 'moments'),
    count(c.babies, 'baby', 'babies'),
    count(c.kinds, 'kind of your own', 'kinds of your own'),
    count(c.checkIns, 'check-in', 'check-ins'),
    count(c.contacts, 'contact', 'contacts'),
  ].join(', ');
}

/** What the toast says after a restore. @param {import('../types.js').Restored} done */
export function restoredText(done) {
  const skipped = done.duplicates.moments
    ? ` ${count(done.duplicates.moments, 'moment was', 'moments were')} already here.`
    : '';
  return `Restored ${describe(done.added)}.${skipped}`;
}

/**
 * The preview of a chosen file: what it holds, what is already here, and the one way on.
 * @param {string} fileName
 * @param {import('../types.js').RestorePreview} p
 * @param {(mode: 'empty'|'merge') => void} onRestore
 * @param {() => void} onCancel
 */
export function previewView(fileName, p, onRestore, onCancel) {
  const d = p.duplicates;
  const already = d.moments + d.babies + d.kinds + d.checkIns + d.contacts;
  return el(
    'div',
    {
      class: 'restore-preview',
      id: 'restore-preview',
      role: 'region',
      'aria-label': 'What the file holds',
    },
    el('p', {
      text: `${fileName}, exported ${p.exportedAt.slice(0, 10)}, holds ${describe(p.inFile)}.`,
    }),
    el('p', {
      id: 'restore-duplicates',
      text: p.journalEmpty
        ? 'Your journal is empty, so everything will be restored exactly as it was.'
        : already === 0
          ? 'None of it is in your journal yet: it will all be added to what is here.'
          : `Already in your journal, and skipped: ${describe(d)}. The rest will be added to what is here.`,
    }),
    el('p', {
      class: 'hint',
      text: 'Nothing has been written yet. A backup of your journal is made first.',
    }),
    el(
      'div',
      { class: 'manage-row' },
      el(
        'button',
        {
          type: 'button',
          class: 'button primary',
          id: 'restore-confirm',
          onclick: () => onRestore(p.journalEmpty ? 'empty' : 'merge'),
        },
        p.journalEmpty ? 'Restore into this journal' : 'Merge into this journal',
      ),
      el(
        'button',
        { type: 'button', class: 'button', id: 'restore-cancel', onclick: onCancel },
        'Cancel',
      ),
    ),
  );
}

/**
 * @typedef {{
 *   choose: () => Promise<{fileName: string|null}>,
 *   preview: () => Promise<import('../types.js').RestorePreview>,
 *   apply: (mode: 'empty'|'merge') => Promise<void>,
 *   toAppError: (err: unknown) => import('../api.js').AppError,
 * }} RestoreIntents the steps of a restore; each throws what went wrong
 */

/** @param {RestoreIntents} intents */
export function restorePart(intents) {
  const area = el('div', { id: 'restore-area' });
  const error = el('p', {
    class: 'editor-error',
    role: 'alert',
    id: 'restore-error',
    hidden: true,
  });
  /** @param {() => Promise<void>} action */
  const guarded = async (action) => {
    error.hidden = true;
    try {
      await action();
    } catch (err) {
      area.replaceChildren();
      error.textContent = intents.toAppError(err).message;
      error.hidden = false;
    }
  };
  const apply = (/** @type {'empty'|'merge'} */ mode) =>
    guarded(async () => {
      await intents.apply(mode);
      area.replaceChildren();
    });
  const choose = () =>
    guarded(async () => {
      const { fileName } = await intents.choose();
      if (!fileName) return;
      const preview = await intents.preview();
      area.replaceChildren(previewView(fileName, preview, apply, () => area.replaceChildren()));
      area.scrollIntoView({ block: 'center' });
      /** @type {HTMLElement|null} */ (area.querySelector('#restore-confirm'))?.focus();
    });
  return el(
    'div',
    { class: 'restore' },
    el(
      'div',
      { class: 'manage-row' },
      el(
        'button',
        { type: 'button', class: 'button', id: 'restore-file', onclick: choose },
        'Restore from a Nestling file…',
      ),
    ),
    error,
    area,
  );
}
