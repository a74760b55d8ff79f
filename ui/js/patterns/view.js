// @ts-check
// The Patterns screen, drawn from the weekly figures: the choice of range, baby and kind, the
// sentences Rust wrote, and each chart (an SVG image drawn in Rust) with the same numbers in a
// table beneath it. A week's name opens those days in the Journal. Pure: builds DOM.

import { chartFigure } from '../charts.js';
import { el } from '../dom.js';

/**
 * @typedef {import('./controller.js').PatternsContext} PatternsContext
 * @typedef {import('./controller.js').Choice} Choice
 * @typedef {import('../types.js').Patterns} Patterns
 */

/** The ranges offered, the default first. */
export const RANGES = [
  { value: '4', label: 'Last 4 weeks' },
  { value: '8', label: 'Last 8 weeks' },
  { value: '13', label: 'Last 3 months' },
  { value: '26', label: 'Last 6 months' },
  { value: '52', label: 'Last year' },
  { value: 'all', label: 'All time' },
];

/**
 * @param {PatternsContext} ctx
 * @param {{choice: Choice, patterns: Patterns, babies: import('../types.js').Baby[],
 *   kinds: import('../types.js').Kind[]}} data
 */
export function patternsView(ctx, { choice, patterns, babies, kinds }) {
  const empty = patterns.weeks.every((w) => w.moments === 0 && !w.mood && !w.sleepMinutes);
  return el(
    'section',
    { class: 'patterns', 'aria-labelledby': 'patterns-title' },
    el('h1', { id: 'patterns-title', text: 'Patterns' }),
    el('p', {
      class: 'hint',
      text: 'Your own weeks as you logged them: the care you gave beside how close and how rested you felt. Feelings often follow care slowly, and every week counts, whatever it shows.',
    }),
    choices(ctx, choice, babies, kinds),
    el(
      'div',
      { class: 'pattern-words', id: 'pattern-words' },
      ...patterns.sentences.map((s) => el('p', { text: s })),
    ),
    empty
      ? el('p', {
          class: 'empty',
          id: 'patterns-empty',
          text: 'Nothing is logged in these weeks yet. Moments and check-ins you log will show here, week by week.',
        })
      : el(
          'div',
          { class: 'charts' },
          ...patterns.charts.map((chart) => chartFigure(chart, patterns.weeks)),
        ),
  );
}

/**
 * @param {PatternsContext} ctx
 * @param {Choice} choice
 * @param {import('../types.js').Baby[]} babies
 * @param {import('../types.js').Kind[]} kinds
 */
function choices(ctx, choice, babies, kinds) {
  return el(
    'div',
    { class: 'filters', role: 'group', 'aria-label': 'What to show' },
    select(
      'patterns-range',
      'Weeks',
      RANGES.map((r) => [r.value, r.label]),
      choice.range,
      (value) => ctx.choose({ range: value }),
    ),
    babies.length > 1 || choice.babyId !== null
      ? select(
          'patterns-baby',
          'Baby',
          [['', 'All babies'], ...babies.map((b) => [String(b.id), b.name])],
          choice.babyId === null ? '' : String(choice.babyId),
          (value) => ctx.choose({ babyId: value === '' ? null : Number(value) }),
        )
      : null,
    select(
      'patterns-kind',
      'Kind of care',
      [['', 'All kinds'], ...kinds.map((k) => [k.id, `${k.emoji} ${k.name}`])],
      choice.kindId ?? '',
      (value) => ctx.choose({ kindId: value === '' ? null : value }),
    ),
  );
}

/**
 * @param {string} id
 * @param {string} label
 * @param {string[][]} options value and label of each
 * @param {string} value
 * @param {(value: string) => void} onChange
 */
function select(id, label, options, value, onChange) {
  const node = /** @type {HTMLSelectElement} */ (
    el(
      'select',
      { id, name: id },
      ...options.map(([v, text]) => el('option', { value: v, text, selected: v === value })),
    )
  );
  node.addEventListener('change', () => onChange(node.value));
  return el('label', { class: 'filter' }, el('span', { text: label }), node);
}
