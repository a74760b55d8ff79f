// @ts-check
// Restoring from a Nestling file: choose it, see what it holds, then restore or merge it.

import { el } from '../dom.js';

/** @param {number} n @param {string} one @param {string} many */
const count = (n, one, many) => `${n} ${n === 1 ? one : many}`;

/** What the file holds, in the parent's words. @param {import('../types.js').RestoreCounts} c */
export function describe(c) {
  return [count(c.moments, 'moment', 'moments'), count(c.babies, 'baby', 'babies'),
    count(c.kinds, 'kind of your own', 'kinds of your own'), count(c.checkIns, 'check-in', 'check-ins'),
    count(c.contacts, 'contact', 'contacts')].join(', ');
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
  return el('div', { class: 'restore-preview', id: 'restore-preview', role: 'region', 'aria-label': 'What the file holds' },
    el('p', { text: `${fileName}, exported ${p.exportedAt.slice(0, 10)}, holds ${describe(p.inFile)}.` }),
    el('p', { id: 'restore-duplicates', text: p.journalEmpty
      ? 'Your journal is empty, so everything will be restored exactly as it was.'
      : already === 0
        ? 'None of it is in your journal yet: it will all be added to what is here.'
        : `Already in your journal, and skipped: ${describe(d)}. The rest will be added to what is here.` }),
    el('p', { class: 'hint', text: 'Nothing has been written yet. A backup of your journal is made first.' }),
    el('div', { class: 'manage-row' },
      el('button', { type: 'button', class: 'button primary', id: 'restore-confirm', onclick: () => onRestore(p.journalEmpty ? 'empty' : 'merge') },
        p.journalEmpty ? 'Restore into this journal' : 'Merge into this journal'),
      el('button', { type: 'button', class: 'button', id: 'restore-cancel', onclick: onCancel }, 'Cancel')));
}

/** @param {import('./settings.js').PrivacyDeps} deps */
export function restorePart(deps) {
  const area = el('div', { id: 'restore-area' });
  const error = el('p', { class: 'editor-error', role: 'alert', id: 'restore-error', hidden: true });
  /** @param {() => Promise<void>} action */
  const guarded = async (action) => {
    error.hidden = true;
    try {
      await action();
    } catch (err) {
      area.replaceChildren();
      error.textContent = deps.api.toAppError(err).message;
      error.hidden = false;
    }
  };
  const apply = (/** @type {'empty'|'merge'} */ mode) => guarded(async () => {
    const done = await deps.api.restoreApply(mode);
    area.replaceChildren();
    const skipped = done.duplicates.moments ? ` ${count(done.duplicates.moments, 'moment was', 'moments were')} already here.` : '';
    deps.toast.show(`Restored ${describe(done.added)}.${skipped}`);
    deps.afterErase();
  });
  const choose = () => guarded(async () => {
    const { fileName } = await deps.api.restoreChoose();
    if (!fileName) return;
    const preview = await deps.api.restorePreview();
    area.replaceChildren(previewView(fileName, preview, apply, () => area.replaceChildren()));
    area.scrollIntoView({ block: 'center' });
    /** @type {HTMLElement|null} */ (area.querySelector('#restore-confirm'))?.focus();
  });
  return el('div', { class: 'restore' },
    el('div', { class: 'manage-row' },
      el('button', { type: 'button', class: 'button', id: 'restore-file', onclick: choose }, 'Restore from a Nestling file…')),
    error, area);
}
