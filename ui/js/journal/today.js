// @ts-check
// Today: one-click logging, the timers, and what has been logged so far today.

import { el } from '../dom.js';
import { formatElapsed, formatMinutes } from '../format.js';
import { encouragementFor, formatToday, greetingFor } from '../greeting.js';
import { KIND_KEYS, detailName } from './catalog.js';
import { momentRow } from './moment-row.js';

/**
 * @typedef {import('./controller.js').JournalContext} JournalContext
 * @typedef {import('../types.js').Timer} Timer
 * @typedef {import('../types.js').Listing} Listing
 */

/**
 * @param {JournalContext} ctx
 * @param {{timers: Timer[], listing: Listing, now: Date, cards?: Node[]}} data cards are shown under the greeting
 */
export function todayView(ctx, { timers, listing, now, cards = [] }) {
  return el(
    'section',
    { class: 'today', 'aria-labelledby': 'home-title' },
    el('p', { class: 'today-date', id: 'today-date', text: formatToday(now) }),
    el('h1', { class: 'greeting', id: 'home-title', text: greetingFor(now) }),
    el('p', { class: 'lede', text: encouragementFor(now) }),
    ...cards,
    babyPicker(ctx),
    timersPanel(ctx, timers),
    quickLog(ctx, timers),
    todayList(ctx, listing),
    el(
      'article',
      { class: 'card read-card', id: 'read-card', 'aria-labelledby': 'read-card-title' },
      el('h2', { id: 'read-card-title', text: 'Something to read' }),
      el('p', {
        text: 'Short, kind articles about bonding, tiredness and feelings that take their time. They work offline.',
      }),
      el('a', { class: 'button quiet', href: '#library', text: 'Read' }),
    ),
  );
}

/** @param {JournalContext} ctx */
function babyPicker(ctx) {
  const babies = ctx.catalog.activeBabies();
  if (babies.length === 0) return null;
  return el(
    'label',
    { class: 'baby-picker' },
    'Logging for ',
    el(
      'select',
      {
        id: 'current-baby',
        onchange: (e) => ctx.setCurrentBaby(e.target.value ? Number(e.target.value) : null),
      },
      el('option', { value: '', text: 'No baby chosen', selected: ctx.currentBaby() === null }),
      ...babies.map((b) =>
        el('option', { value: b.id, text: b.name, selected: ctx.currentBaby() === b.id }),
      ),
    ),
  );
}

/**
 * @param {JournalContext} ctx
 * @param {Timer[]} timers
 */
function timersPanel(ctx, timers) {
  if (timers.length === 0) return null;
  return el(
    'section',
    { class: 'timers', 'aria-label': 'Running timers' },
    ...timers.map((timer) => timerCard(ctx, timer)),
  );
}

/**
 * @param {JournalContext} ctx
 * @param {Timer} timer
 */
function timerCard(ctx, timer) {
  const kind = ctx.catalog.kind(timer.kindId);
  const name = [kind.name, detailName(kind, timer.detail), ctx.catalog.babyName(timer.babyId)]
    .filter(Boolean)
    .join(' · ');
  return el(
    'article',
    { class: 'timer-card', 'data-timer-id': timer.id, 'data-kind': timer.kindId },
    el(
      'p',
      { class: 'timer-name' },
      el('span', { 'aria-hidden': 'true', text: `${kind.emoji} ` }),
      name,
    ),
    el('p', {
      class: 'timer-elapsed',
      role: 'timer',
      'aria-live': 'off',
      'data-timer-start': timer.startedAt,
      text: formatElapsed(timer.elapsedSeconds),
    }),
    timer.needsConfirmation
      ? el('p', {
          class: 'timer-question',
          text: 'This timer has been running for more than 12 hours. Is it still going, or did it end earlier?',
        })
      : null,
    el(
      'div',
      { class: 'timer-actions' },
      el('button', {
        type: 'button',
        class: 'button stop-timer',
        onclick: () => ctx.stopTimer(timer),
        text: timer.needsConfirmation ? 'Stop and save' : 'Stop',
      }),
      timer.needsConfirmation
        ? el('button', {
            type: 'button',
            class: 'button quiet keep-timer',
            onclick: () => ctx.keepTimer(timer),
            text: 'Keep it running',
          })
        : null,
      el('button', {
        type: 'button',
        class: 'button quiet cancel-timer',
        onclick: () => ctx.cancelTimer(timer),
        text: 'Discard',
      }),
    ),
  );
}

/**
 * @param {JournalContext} ctx
 * @param {Timer[]} timers
 */
function quickLog(ctx, timers) {
  const kinds = ctx.catalog.visibleKinds();
  const running = new Set(timers.map((t) => t.kindId));
  const timed = kinds.filter((k) => k.timed && !running.has(k.id));
  const instant = kinds.filter((k) => !k.timed);
  return el(
    'section',
    { class: 'quick-log', 'aria-labelledby': 'quick-log-title' },
    el('h2', { id: 'quick-log-title', text: 'I just…' }),
    el(
      'div',
      { class: 'quick-grid' },
      ...timed.map((kind) => quickButton(kind, kind.name, () => ctx.startTimer(kind), 'start')),
      ...instant.map((kind) => quickButton(kind, kind.name, () => ctx.quickLog(kind), 'log')),
    ),
    el(
      'button',
      {
        type: 'button',
        class: 'button quiet',
        id: 'new-moment',
        onclick: () => ctx.openEditor(null),
        text: 'Log a moment with details',
      },
      el('kbd', { 'aria-hidden': 'true', text: 'N' }),
    ),
  );
}

/**
 * @param {import('../types.js').Kind} kind
 * @param {string} label
 * @param {() => void} run
 * @param {'start'|'log'} action
 */
function quickButton(kind, label, run, action) {
  const key = KIND_KEYS[/** @type {keyof typeof KIND_KEYS} */ (kind.id)];
  return el(
    'button',
    {
      type: 'button',
      class: `quick ${action}`,
      'data-kind': kind.id,
      'data-action': action,
      'aria-keyshortcuts': key ? key.toUpperCase() : undefined,
      onclick: run,
    },
    el('span', { class: 'quick-emoji', 'aria-hidden': 'true', text: kind.emoji }),
    el(
      'span',
      { class: 'quick-label' },
      label,
      action === 'start' ? el('span', { class: 'quick-sub', text: 'Start timer' }) : null,
    ),
    key ? el('kbd', { 'aria-hidden': 'true', text: key.toUpperCase() }) : null,
  );
}

/**
 * @param {JournalContext} ctx
 * @param {Listing} listing
 */
function todayList(ctx, listing) {
  const moments = [...listing.moments].reverse();
  if (moments.length === 0) {
    return el(
      'article',
      { class: 'card', id: 'log-card', 'aria-labelledby': 'log-card-title' },
      el('h2', { id: 'log-card-title', text: 'Nothing logged yet today' }),
      el('p', {
        text: 'When you feed, change, rock or hold your baby skin to skin, one click keeps the moment. How you felt can wait until later.',
      }),
      el('button', {
        type: 'button',
        class: 'button',
        onclick: () => ctx.openEditor(null),
        text: 'Log a moment',
      }),
    );
  }
  return el(
    'section',
    { class: 'today-moments', 'aria-labelledby': 'today-moments-title' },
    el('h2', { id: 'today-moments-title', text: 'Today so far' }),
    el('p', { class: 'totals', id: 'today-totals', text: totalsSentence(ctx, listing) }),
    el(
      'ul',
      { class: 'moment-list', id: 'today-list' },
      ...moments.map((m) => momentRow(m, ctx.catalog, (moment) => ctx.openEditor(moment))),
    ),
  );
}

/**
 * "You logged 5 moments of care today, including 45 min skin-to-skin."
 * @param {JournalContext} ctx
 * @param {Listing} listing
 */
export function totalsSentence(ctx, listing) {
  const count = listing.totals.reduce((sum, t) => sum + t.count, 0);
  const timed = listing.totals
    .filter((t) => t.minutes > 0)
    .map((t) => `${formatMinutes(t.minutes)} ${ctx.catalog.kind(t.kindId).name.toLowerCase()}`);
  const moments = count === 1 ? '1 moment of care' : `${count} moments of care`;
  return timed.length
    ? `You logged ${moments} today, including ${timed.join(' and ')}.`
    : `You logged ${moments} today.`;
}

/** Running timers count up from their start, read again every second. */
export function tickTimers() {
  document.querySelectorAll('[data-timer-start]').forEach((node) => {
    const start = Date.parse(/** @type {HTMLElement} */ (node).dataset.timerStart ?? '');
    if (!Number.isNaN(start)) node.textContent = formatElapsed((Date.now() - start) / 1000);
  });
}
