// @ts-check
// One chart as the app shows it, on the Patterns screen and in the Share preview alike: a
// focusable figure with its title, the SVG drawn in Rust as an image, and the same numbers in
// a table beneath it for screen readers and copying. A week's name opens its days in the
// Journal. Pure: builds DOM.

import { el } from './dom.js';
import { formatMinutes } from './format.js';

/**
 * @typedef {import('./types.js').PatternsWeek} Week
 * @typedef {import('./types.js').PatternsChart} Chart
 */

/**
 * One chart: a focusable figure with its title, the image, and its numbers in a table folded
 * beneath it.
 * @param {Chart} chart
 * @param {Week[]} weeks
 * @param {{prefix?: string, heading?: 'h2'|'h3'|'h4'|'h5'|'h6'}} [where] the ids' prefix and the title's heading
 */
export function chartFigure(chart, weeks, { prefix = 'chart', heading = 'h2' } = {}) {
  const titleId = `${prefix}-${chart.id}-title`;
  const numbers = el(
    'details',
    { class: 'chart-numbers' },
    el('summary', { text: 'The numbers, week by week' }),
  );
  // The table is built when first opened: over all time it holds hundreds of weeks.
  numbers.addEventListener('toggle', () => {
    const opened = /** @type {HTMLDetailsElement} */ (numbers).open;
    if (opened && !numbers.querySelector('table')) numbers.append(numbersTable(chart, weeks));
  });
  return el(
    'figure',
    { class: 'chart', id: `${prefix}-${chart.id}`, tabindex: '0', 'aria-labelledby': titleId },
    el('figcaption', {}, el(heading, { id: titleId, class: 'chart-title', text: chart.title })),
    el('img', { src: chart.svg, alt: chart.alt, class: 'chart-image' }),
    numbers,
  );
}

/**
 * The chart's numbers: a row per week, its name a link to those days in the Journal.
 * @param {Chart} chart
 * @param {Week[]} weeks
 */
export function numbersTable(chart, weeks) {
  const { head, row } = COLUMNS[chart.id];
  return el(
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
