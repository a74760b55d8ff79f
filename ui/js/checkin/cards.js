// @ts-check
// What the check-in adds to other screens: the one-time offer, the quiet invitation and the
// low-mood card on Today, the choices in Settings, and a check-in's row in the Journal.
// Pure: builds DOM from what it is given.

import { el } from '../dom.js';
import { clockOf } from '../format.js';
import { FREQUENCIES, checkInFacts } from './model.js';

/** @typedef {import('../types.js').CheckIn} CheckIn */

/**
 * Asked once: would the parent like a check-in, and how often.
 * @param {(frequency: 'daily'|'weekly'|'off') => void} onChoose
 */
export function offerCard(onChoose) {
  return el(
    'article',
    {
      class: 'card check-in-card',
      id: 'check-in-offer',
      'aria-labelledby': 'check-in-offer-title',
    },
    el('h2', { id: 'check-in-offer-title', text: 'Would a short check-in help?' }),
    el('p', {
      text: 'Nestling can ask you a few gentle questions now and then: your mood, your sleep, how supported you feel. It takes a minute and stays on this computer. You can change your mind in Settings.',
    }),
    el(
      'div',
      { class: 'card-actions' },
      el('button', {
        type: 'button',
        class: 'button',
        id: 'check-in-daily',
        onclick: () => onChoose('daily'),
        text: 'Every day',
      }),
      el('button', {
        type: 'button',
        class: 'button quiet',
        id: 'check-in-weekly',
        onclick: () => onChoose('weekly'),
        text: 'Once a week',
      }),
      el('button', {
        type: 'button',
        class: 'button quiet',
        id: 'check-in-no-thanks',
        onclick: () => onChoose('off'),
        text: 'No thanks',
      }),
    ),
  );
}

/**
 * A small invitation when a check-in is due; "Not now" puts it away for today.
 * @param {() => void} onOpen
 * @param {() => void} onPutAway
 */
export function invitation(onOpen, onPutAway) {
  return el(
    'aside',
    { class: 'check-in-invite', id: 'check-in-invite', 'aria-label': 'Check-in' },
    el('p', { text: 'A minute for yourself? Your check-in is here whenever you want it.' }),
    el(
      'div',
      { class: 'card-actions' },
      el('button', {
        type: 'button',
        class: 'button small',
        id: 'check-in-open',
        onclick: onOpen,
        text: 'Check in',
      }),
      el('button', {
        type: 'button',
        class: 'button quiet small',
        id: 'check-in-not-now',
        onclick: onPutAway,
        text: 'Not now',
      }),
    ),
  );
}

/**
 * After two mostly low weeks: one calm suggestion to talk to someone, never a diagnosis.
 * @param {{onPutAway: () => void, onSwitchOff: () => void}} actions
 */
export function lowMoodCard({ onPutAway, onSwitchOff }) {
  return el(
    'article',
    { class: 'card low-mood-card', id: 'low-mood-card', 'aria-labelledby': 'low-mood-title' },
    el('h2', { id: 'low-mood-title', text: 'A thought from Nestling' }),
    el('p', {
      text: 'Your check-ins suggest the last two weeks have often felt low, and talking it over with your doctor, midwife, health visitor or someone you trust could help.',
    }),
    el(
      'div',
      { class: 'card-actions' },
      el('a', { class: 'button', href: '#help/soon', id: 'low-mood-help', text: 'Who can help' }),
      el('button', {
        type: 'button',
        class: 'button quiet',
        id: 'low-mood-dismiss',
        onclick: onPutAway,
        text: 'Put this away',
      }),
      el('button', {
        type: 'button',
        class: 'link-button',
        id: 'low-mood-off',
        onclick: onSwitchOff,
        text: 'Don\u2019t show this again',
      }),
    ),
  );
}

/**
 * The check-in's choices in Settings.
 * @param {import('../types.js').Settings} settings
 * @param {(key: string, value: string) => void} onChange
 */
export function checkInSettings(settings, onChange) {
  return el(
    'fieldset',
    { class: 'choice check-in-settings', id: 'check-in-settings' },
    el('legend', { text: 'Check-in' }),
    el('p', {
      class: 'hint',
      id: 'check-in-often',
      text: 'How often Nestling asks how you are. Your answers stay on this computer.',
    }),
    el(
      'div',
      { class: 'choice-row', role: 'radiogroup', 'aria-labelledby': 'check-in-often' },
      ...FREQUENCIES.map(([value, label]) =>
        el(
          'label',
          {},
          el('input', {
            type: 'radio',
            name: 'checkIn',
            value,
            checked: settings.checkIn === value,
            onchange: () => onChange('checkIn', value),
          }),
          label,
        ),
      ),
    ),
    el(
      'label',
      { class: 'check' },
      el('input', {
        type: 'checkbox',
        id: 'low-mood-setting',
        checked: settings.lowMoodCard,
        onchange: (/** @type {Event} */ e) =>
          onChange(
            'lowMoodCard',
            /** @type {HTMLInputElement} */ (e.target).checked ? 'on' : 'off',
          ),
      }),
      'When my check-ins have been low for two weeks, suggest talking to someone',
    ),
  );
}

/**
 * A check-in in a Journal day, opened to edit by a click, or in the trash with its actions.
 * @param {CheckIn} checkIn
 * @param {((checkIn: CheckIn) => void)|null} onOpen null for a row that only shows
 * @param {Node[]} [extra] nodes shown under the summary (the trash's actions)
 */
export function checkInRow(checkIn, onOpen, extra = []) {
  const facts = checkInFacts(checkIn);
  return el(
    'li',
    { class: 'moment check-in-row', 'data-check-in-id': checkIn.id },
    el(
      onOpen ? 'button' : 'div',
      onOpen
        ? {
            type: 'button',
            class: 'moment-open',
            onclick: () => onOpen(checkIn),
            'aria-label': `Check-in at ${clockOf(checkIn.takenLocal)}. Open to edit`,
          }
        : { class: 'moment-open' },
      el('span', { class: 'moment-time', text: clockOf(checkIn.takenLocal) }),
      el('span', { class: 'moment-emoji', 'aria-hidden': 'true', text: '\u{1F33F}' }),
      el(
        'span',
        { class: 'moment-main' },
        el('span', { class: 'moment-title', text: 'Check-in' }),
        facts ? el('span', { class: 'moment-facts', text: facts }) : null,
        checkIn.note ? el('span', { class: 'moment-note', text: preview(checkIn.note) }) : null,
      ),
    ),
    ...extra,
  );
}

/** How much of a note a row shows. */
const PREVIEW_CHARS = 140;

/** @param {string} note */
function preview(note) {
  const chars = [...note.replace(/\s+/g, ' ').trim()];
  return chars.length > PREVIEW_CHARS
    ? `${chars.slice(0, PREVIEW_CHARS).join('')}\u2026`
    : chars.join('');
}
