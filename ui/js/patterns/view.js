// @ts-check
// The Patterns screen, drawn from the weekly figures: the choice of range, baby and kind, the
// sentences Rust wrote, and each chart (an SVG image drawn in Rust) with the same numbers in a
// table beneath it. A week's name opens those days in the Journal. Pure: builds DOM.

import { el } from '../dom.js';
import { formatMinutes } from '../format.js';

/**
 * @typedef {import('./controller.js').PatternsContext} PatternsContext
 * @typedef {import('./controller.js').Choice} Choice
 * @typedef {import('../types.js').Patterns} Patterns
 * @typedef {import('../types.js').PatternsWeek} Week
 * @typedef {import('../types.js').PatternsChart} Chart
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
          ...patterns.charts.map((chart) => chartPart(chart, patterns.weeks)),
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

/**
 * One chart: a focusable figure with its title, the image, and its numbers in a table.
 * @param {Chart} chart
 * @param {Week[]} weeks
 */
function chartPart(chart, weeks) {
  const titleId = `chart-${chart.id}-title`;
  const { head, row } = COLUMNS[chart.id];
  return el(
    'figure',
    { class: 'chart', id: `chart-${chart.id}`, tabindex: '0', 'aria-labelledby': titleId },
    el('figcaption', {}, el('h2', { id: titleId, text: chart.title })),
    el('img', { src: chart.svg, alt: chart.alt, class: 'chart-image' }),
    el(
      'details',
      { class: 'chart-numbers' },
      el('summary', { text: 'The numbers, week by week' }),
      el(
        'table',
        {},
        el('caption', { class: 'visually-hidden', text: chart.title }),
        el(
          'thead',
          {},
          el('tr', {}, ...['Week', ...head].map((h) => el('th', { scope: 'col', text: h }))),
        ),
        el(
          'tbody',
          {},
          ...weeks.map((week) =>
            el(
              'tr',
              {},
              el('th', { scope: 'row' }, weekLink(week)),
              ...row(week).map((cell) => el('td', { text: cell })),
            ),
          ),
        ),
      ),
    ),
  );
}

/**
 * The columns of each chart's table after the week.
 * @type {Record<Chart['id'], {head: string[], row: (week: Week) => string[]}>}
 */
const COLUMNS = {
  care: {
    head: ['Moments', 'Per day', 'By kind'],
    row: (w) => [
      String(w.moments),
      w.moments ? oneDecimal(w.momentsPerDay) : '',
      w.kinds.map((k) => `${k.name} ${k.moments}`).join(', '),
    ],
  },
  skin: {
    head: ['Skin to skin', 'Days'],
    row: (w) => [
      w.skinToSkinMinutes ? formatMinutes(w.skinToSkinMinutes) : '',
      w.skinToSkinDays ? String(w.skinToSkinDays) : '',
    ],
  },
  closeness: {
    head: ['Connection (1–5)', 'Energy (1–5)'],
    row: (w) => [average(w.connection, 'moment'), average(w.energy, 'moment')],
  },
  checkIns: {
    head: ['Mood (1–5)', 'My sleep'],
    row: (w) => [
      average(w.mood, 'check-in'),
      w.sleepMinutes
        ? `${formatMinutes(w.sleepMinutes.average)} ${resting(w.sleepMinutes.count, 'check-in')}`
        : '',
    ],
  },
  who: {
    head: ['Me', 'Partner', 'Others'],
    row: (w) => {
      const all = w.who.me + w.who.partner + w.who.other;
      return [w.who.me, w.who.partner, w.who.other].map((n) => share(n, all));
    },
  },
};

/** @param {Week} week */
function weekLink(week) {
  return el('a', {
    href: `#journal/${week.firstDay}..${week.lastDay}`,
    class: 'week-link',
    title: 'Open these days in the Journal',
    text: weekName(week),
  });
}

/**
 * "5 Oct – 11 Oct 2026": the week's first and last day, each with its year when they differ.
 * @param {{firstDay: string, lastDay: string}} week
 * @param {string} [locale]
 */
export function weekName(week, locale) {
  const day = (/** @type {string} */ iso, /** @type {boolean} */ withYear) => {
    const [y, m, d] = iso.split('-').map(Number);
    return new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'short',
      ...(withYear ? { year: 'numeric' } : {}),
    }).format(new Date(y, m - 1, d));
  };
  if (week.firstDay === week.lastDay) return day(week.firstDay, true);
  const newYear = week.firstDay.slice(0, 4) !== week.lastDay.slice(0, 4);
  return `${day(week.firstDay, newYear)} – ${day(week.lastDay, true)}`;
}

/**
 * "3.4 (from 8 moments)", or nothing when no answer was given.
 * @param {{average: number, count: number}|null} value
 * @param {string} what
 */
export function average(value, what) {
  if (!value) return '';
  return `${oneDecimal(value.average)} ${resting(value.count, what)}`;
}

/** @param {number} count @param {string} what */
function resting(count, what) {
  return `(from ${count} ${count === 1 ? what : `${what}s`})`;
}

/** @param {number} n */
function oneDecimal(n) {
  return (Math.round(n * 10) / 10).toFixed(1);
}

/**
 * "12 (40%)", or nothing for none.
 * @param {number} n
 * @param {number} all
 */
export function share(n, all) {
  if (!n || !all) return '';
  return `${n} (${Math.round((n / all) * 100)}%)`;
}
