// @ts-check
// One moment in a list: time, kind, duration, how it felt and the start of the note.

import { el } from '../dom.js';
import { clockOf, formatMinutes } from '../format.js';
import { detailName } from './catalog.js';

/** How much of a note a row shows. */
const PREVIEW_CHARS = 140;

/**
 * @param {import('../types.js').MomentRow} moment
 * @param {import('./catalog.js').Catalog} catalog
 * @param {((moment: import('../types.js').MomentRow) => void)|null} onOpen null for a row that only shows
 * @param {Node[]} [extra] nodes shown under the summary (a search snippet, trash actions)
 * @param {{notePreview?: boolean}} [options] a search result shows its snippet instead of the note
 */
export function momentRow(moment, catalog, onOpen, extra = [], { notePreview = true } = {}) {
  const kind = catalog.kind(moment.kindId);
  const detail = detailName(kind, moment.detail);
  const title = [kind.name, detail].filter(Boolean).join(' · ');
  const facts = [
    moment.durationMinutes !== null && moment.durationMinutes !== undefined
      ? formatMinutes(moment.durationMinutes)
      : '',
    catalog.babyName(moment.babyId),
    moment.fromPartner ? `from ${catalog.partnerName()}` : '',
    moment.private ? 'Private' : '',
  ]
    .filter(Boolean)
    .join(' · ');
  return el(
    'li',
    { class: 'moment', 'data-moment-id': moment.id },
    el(
      onOpen ? 'button' : 'div',
      onOpen
        ? {
            type: 'button',
            class: 'moment-open',
            'aria-label': `${title} at ${clockOf(moment.startLocal)}. Open to edit`,
            onclick: () => onOpen(moment),
          }
        : { class: 'moment-open' },
      el('span', { class: 'moment-time', text: clockOf(moment.startLocal) }),
      el('span', { class: 'moment-emoji', 'aria-hidden': 'true', text: kind.emoji }),
      el(
        'span',
        { class: 'moment-main' },
        el('span', { class: 'moment-title', text: title }),
        facts ? el('span', { class: 'moment-facts', text: facts }) : null,
        feelingLine(moment),
        notePreview && moment.note
          ? el('span', { class: 'moment-note', text: preview(moment.note) })
          : null,
      ),
    ),
    ...extra,
  );
}

/** @param {import('../types.js').MomentRow} moment */
function feelingLine(moment) {
  const parts = [];
  if (moment.connection) parts.push(`connection ${moment.connection}/5`);
  if (moment.energy) parts.push(`energy ${moment.energy}/5`);
  const words = moment.feelings ?? [];
  if (!parts.length && !words.length) return null;
  return el(
    'span',
    { class: 'moment-feelings' },
    ...words.map((w) => el('span', { class: 'chip', text: w })),
    parts.length ? el('span', { class: 'moment-ratings', text: parts.join(' · ') }) : null,
  );
}

/** @param {string} note */
function preview(note) {
  const flat = note.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length > PREVIEW_CHARS ? `${chars.slice(0, PREVIEW_CHARS).join('')}…` : flat;
}
