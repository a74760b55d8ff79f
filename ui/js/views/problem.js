// @ts-check
// The calm full-page explanation shown when the journal itself cannot be opened.

import { el } from '../dom.js';

/** Titles for the failures that stop the journal from opening, by error kind. */
const TITLES = {
  not_a_database: 'Nestling could not read your journal file',
  foreign_database: 'That file belongs to another program',
  too_new: 'This journal needs a newer Nestling',
  data_folder: 'Nestling could not reach its data folder',
};

/**
 * @param {import('../api.js').AppError} problem
 * @returns {HTMLElement}
 */
export function problemView(problem) {
  const title =
    TITLES[/** @type {keyof typeof TITLES} */ (problem.kind)] ??
    'Nestling could not open your journal';
  return el(
    'section',
    {
      class: 'problem',
      id: 'problem',
      'data-kind': problem.kind,
      'aria-labelledby': 'problem-title',
    },
    el('h1', { id: 'problem-title', text: title }),
    el('p', { class: 'detail', id: 'problem-message', text: problem.message }),
    el('p', {
      class: 'reassurance',
      text: 'Nestling has not changed or deleted anything. Your words are safe where they are.',
    }),
  );
}
