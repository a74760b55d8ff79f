// @ts-check
// The export's behaviour: what the parent chose, what Rust previews for it, and saving a file.

import { chooseView, saveView, STAGE_TEXT } from './choose.js';
import { previewView } from './preview.js';
import { el } from '../dom.js';

/**
 * @typedef {import('../types.js').Selection} Selection
 * @typedef {{stage: string}} Progress
 */

/** What the form starts with: the last 7 days, everything shared, every kind and baby. */
export function initialSelection() {
  return /** @type {Selection} */ ({
    range: { last: { days: 7 } },
    kindIds: null,
    babyIds: null,
    include: { notes: true, feelings: true, ratings: true, checkIns: true },
    excludedIds: [],
    title: null,
    preparedFor: null,
  });
}

/**
 * @param {{
 *   api: typeof import('../api.js'),
 *   toast: ReturnType<typeof import('../views/toast.js').createToast>,
 *   notice: ReturnType<typeof import('../views/notice.js').createNotice>,
 *   catalog: ReturnType<typeof import('../journal/catalog.js').createCatalog>,
 *   redraw: () => void,
 *   chartTheme: () => 'light'|'dark'|'night',
 * }} deps
 */
export function createExport({ api, toast, notice, catalog, redraw, chartTheme }) {
  const local = {
    selection: initialSelection(),
    format: 'pdf',
    paper: 'a4',
    /** @type {string|null} the stage of a save in progress */
    saving: null,
  };

  const ctx = {
    selection: () => local.selection,
    format: () => local.format,
    paper: () => local.paper,
    saving: () => local.saving,
    /** @param {Partial<Selection>} patch */
    choose(patch) {
      local.selection = { ...local.selection, ...patch };
      redraw();
    },
    /** @param {number} id @param {boolean} included */
    tick(id, included) {
      const excluded = new Set(local.selection.excludedIds);
      if (included) excluded.delete(id);
      else excluded.add(id);
      ctx.choose({ excludedIds: [...excluded] });
    },
    /** @param {string} format */
    setFormat(format) {
      local.format = format;
      redraw();
    },
    /** @param {string} paper */
    setPaper(paper) {
      local.paper = paper;
      redraw();
    },
    async save() {
      if (local.saving) return;
      notice.hide();
      local.saving = 'choosing';
      redraw();
      try {
        const saved = await api.exportSave(
          local.selection,
          local.format,
          local.paper,
          (/** @type {Progress} */ p) => {
            local.saving = p.stage;
            showStage(p.stage);
          },
        );
        if (saved.fileName) toast.show(`Saved ${saved.fileName}.`);
      } catch (err) {
        const problem = api.toAppError(err);
        if (problem.kind === 'cancelled') toast.show(problem.message);
        else notice.show(problem);
      }
      local.saving = null;
      redraw();
    },
    cancel: () => api.exportCancel(),
    async view() {
      const [candidates, report] = await Promise.all([
        api.exportCandidates(local.selection),
        api.exportPreview(local.selection, chartTheme()),
      ]);
      return el(
        'section',
        { class: 'export', 'aria-labelledby': 'export-title' },
        el('h1', { id: 'export-title', text: 'Share with your therapist' }),
        el('p', {
          class: 'lede',
          text: 'Choose what to share, look it over, then save a file to take or send. Nothing leaves this computer unless you save it, and moments you marked private are never included.',
        }),
        el(
          'div',
          { class: 'export-layout' },
          chooseView(ctx, { candidates, babies: catalog.data.babies, kinds: catalog.data.kinds }),
          el('div', { class: 'export-side' }, saveView(ctx, report), previewView(report)),
        ),
      );
    },
  };
  return ctx;
}

/** @param {string} stage */
function showStage(stage) {
  const line = document.getElementById('export-stage');
  if (line) line.textContent = STAGE_TEXT[stage] ?? '';
}
