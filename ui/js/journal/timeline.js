// @ts-check
// The timeline: days grouped newest first, filters, search with highlighted snippets, the trash.

import { el } from '../dom.js';
import { dayHeading, formatMinutes, toLocalDate } from '../format.js';
import { momentRow } from './moment-row.js';
import { entriesByDay } from '../checkin/model.js';
import { checkInRow } from '../checkin/cards.js';

/**
 * @typedef {import('./controller.js').JournalContext} JournalContext
 * @typedef {import('../types.js').Listing} Listing
 * @typedef {import('../types.js').SearchHit} SearchHit
 * @typedef {import('../types.js').MomentRow} MomentRow
 * @typedef {import('../types.js').Filter} Filter
 * @typedef {import('../types.js').CheckIn} CheckIn
 */

/**
 * @param {JournalContext} ctx
 * @param {{query: string, filter: Filter, listing: Listing|null, hits: SearchHit[]|null, checkIns: CheckIn[], now: Date,
 *   span?: {from: string, to: string}|null, more?: boolean, atMost?: boolean}} data `span`: only these
 *   days are shown (opened from Patterns); `more`: the search found more than `hits`; `atMost`: as
 *   many results as one search gives
 */
export function timelineView(
  ctx,
  { query, filter, listing, hits, checkIns, now, span = null, more = false, atMost = false },
) {
  return el(
    'section',
    { class: 'timeline', 'aria-labelledby': 'timeline-title' },
    el(
      'div',
      { class: 'timeline-head' },
      el('h1', { id: 'timeline-title', text: 'Journal' }),
      el(
        'div',
        { class: 'timeline-actions' },
        el('button', {
          type: 'button',
          class: 'button quiet',
          id: 'new-check-in',
          onclick: () => ctx.checkIns.open(null),
          text: 'Check in',
        }),
        el('a', { class: 'button quiet', href: '#trash', id: 'open-trash', text: 'Trash' }),
      ),
    ),
    searchForm(ctx, query),
    filters(ctx, filter),
    span && !hits ? spanNote(span, now) : null,
    hits ? results(ctx, query, hits, { more, atMost }) : days(ctx, listing, checkIns, now, !span),
  );
}

/**
 * "Showing Monday 5 October 2026 to Sunday 11 October 2026", with the way back to recent days.
 * @param {{from: string, to: string}} span
 * @param {Date} now
 */
function spanNote(span, now) {
  const today = toLocalDate(now);
  const words =
    span.from === span.to
      ? `Showing ${dayHeading(span.from, today)} only.`
      : `Showing ${dayHeading(span.from, today)} to ${dayHeading(span.to, today)}.`;
  return el(
    'p',
    { class: 'span-note', id: 'journal-span' },
    `${words} `,
    el('a', { href: '#journal', id: 'journal-recent', text: 'Back to recent days' }),
  );
}

/**
 * @param {JournalContext} ctx
 * @param {string} query
 */
function searchForm(ctx, query) {
  const input = el('input', {
    type: 'search',
    id: 'journal-search',
    name: 'q',
    value: query,
    autocomplete: 'off',
    placeholder: 'Search your notes',
    'aria-label': 'Search your notes',
    'aria-keyshortcuts': '/',
  });
  const form = el(
    'form',
    { class: 'search-form', role: 'search' },
    input,
    el('button', { type: 'submit', class: 'button', text: 'Search' }),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    ctx.search(/** @type {HTMLInputElement} */ (input).value);
  });
  input.addEventListener('search', () => {
    if (!(/** @type {HTMLInputElement} */ (input).value)) ctx.search('');
  });
  return form;
}

/**
 * @param {JournalContext} ctx
 * @param {Filter} filter
 */
function filters(ctx, filter) {
  const { catalog } = ctx;
  const select = (id, label, options, current, key, toValue) =>
    el(
      'label',
      { class: 'filter' },
      el('span', { class: 'field-label', text: label }),
      el(
        'select',
        {
          id,
          onchange: (e) => ctx.setFilter(key, e.target.value ? toValue(e.target.value) : undefined),
        },
        el('option', { value: '', text: 'All' }),
        ...options.map(([value, text]) =>
          el('option', { value, text, selected: String(current ?? '') === String(value) }),
        ),
      ),
    );
  return el(
    'div',
    { class: 'filters', role: 'group', 'aria-label': 'Filters' },
    select(
      'filter-kind',
      'Kind',
      catalog.data.kinds.map((k) => [k.id, `${k.emoji} ${k.name}`]),
      filter.kindId,
      'kindId',
      String,
    ),
    catalog.data.babies.length
      ? select(
          'filter-baby',
          'Baby',
          catalog.data.babies.map((b) => [b.id, b.name]),
          filter.babyId,
          'babyId',
          Number,
        )
      : null,
    select(
      'filter-feeling',
      'Feeling',
      catalog.data.feelings.map((w) => [w, w]),
      filter.feeling,
      'feeling',
      String,
    ),
    catalog.data.tags.length
      ? select(
          'filter-tag',
          'Tag',
          catalog.data.tags.map((t) => [t, t]),
          filter.tag,
          'tag',
          String,
        )
      : null,
  );
}

/**
 * @param {JournalContext} ctx
 * @param {Listing|null} listing
 * @param {CheckIn[]} checkIns
 * @param {Date} now
 * @param {boolean} canGoEarlier false when a fixed span of days is shown
 */
function days(ctx, listing, checkIns, now, canGoEarlier) {
  if (!listing) return el('p', { class: 'loading', text: 'Loading…' });
  const byDay = entriesByDay(listing.moments, checkIns);
  const more = canGoEarlier
    ? el('button', {
        type: 'button',
        class: 'button quiet',
        id: 'show-earlier',
        onclick: () => ctx.showEarlier(),
        text: 'Show earlier days',
      })
    : null;
  if (byDay.length === 0) {
    return el(
      'div',
      { class: 'days' },
      el('p', {
        class: 'empty',
        id: 'timeline-empty',
        text: 'No moments in these days yet. Whatever you log will gather here.',
      }),
      more,
    );
  }
  const today = toLocalDate(now);
  return el(
    'div',
    { class: 'days' },
    ...byDay.map(([date, entries]) =>
      el(
        'section',
        { class: 'day', 'data-date': date, 'aria-label': dayHeading(date, today) },
        el(
          'h2',
          { class: 'day-heading' },
          dayHeading(date, today),
          el('span', { class: 'day-summary', text: daySummary(entries) }),
        ),
        el('ul', { class: 'moment-list' }, ...entries.map((entry) => entryRow(ctx, entry))),
      ),
    ),
    more,
  );
}

/**
 * @param {JournalContext} ctx
 * @param {{moment: MomentRow}|{checkIn: CheckIn}} entry
 */
function entryRow(ctx, entry) {
  if ('checkIn' in entry) return ctx.checkIns.row(entry.checkIn);
  return momentRow(entry.moment, ctx.catalog, (x) => ctx.openEditor(x));
}

/**
 * " · 3 moments, 45 min", counting moments only: a check-in is not a moment of care.
 * @param {({moment: MomentRow}|{checkIn: CheckIn})[]} entries
 */
export function daySummary(entries) {
  const moments = entries.flatMap((entry) => ('moment' in entry ? [entry.moment] : []));
  const checkIns = entries.length - moments.length;
  const checked = checkIns === 0 ? '' : checkIns === 1 ? ', a check-in' : `, ${checkIns} check-ins`;
  if (moments.length === 0)
    return ` \u00b7 ${checkIns === 1 ? 'a check-in' : `${checkIns} check-ins`}`;
  const minutes = moments.reduce((sum, m) => sum + (m.durationMinutes ?? 0), 0);
  const count = moments.length === 1 ? '1 moment' : `${moments.length} moments`;
  return minutes > 0 ? ` · ${count}, ${formatMinutes(minutes)}${checked}` : ` · ${count}${checked}`;
}

/**
 * @param {JournalContext} ctx
 * @param {string} query
 * @param {SearchHit[]} hits
 * @param {{more: boolean, atMost: boolean}} paging `more`: there are more results to show;
 *   `atMost`: as many as one search gives, so there may be more nobody can show
 */
function results(ctx, query, hits, { more, atMost }) {
  const count = hits.length === 1 ? '1 moment' : `${hits.length} moments`;
  const summary =
    hits.length === 0
      ? `Nothing found for \u201c${query}\u201d. Try a shorter word.`
      : more
        ? `The ${hits.length} best matches for \u201c${query}\u201d. There are more.`
        : atMost && hits.length > 1
          ? `The ${hits.length} best matches for \u201c${query}\u201d. Another word narrows the search.`
          : `${count} found for \u201c${query}\u201d`;
  return el(
    'section',
    { class: 'results', 'aria-label': 'Search results' },
    el('p', { class: 'results-summary', id: 'search-summary', role: 'status', text: summary }),
    el(
      'ul',
      { class: 'moment-list', id: 'search-results' },
      ...hits.map((hit) =>
        momentRow(hit.moment, ctx.catalog, (x) => ctx.openEditor(x), [snippet(hit)], {
          notePreview: false,
        }),
      ),
    ),
    more
      ? el('button', {
          type: 'button',
          class: 'button quiet',
          id: 'search-more',
          onclick: () => ctx.showMoreResults(),
          text: 'Show more results',
        })
      : null,
    el('button', {
      type: 'button',
      class: 'button quiet',
      onclick: () => ctx.search(''),
      text: 'Back to all days',
    }),
  );
}

/**
 * The snippet's segments as text nodes and <mark> elements: no HTML is built from the note.
 * @param {SearchHit} hit
 */
function snippet(hit) {
  return el(
    'p',
    { class: 'snippet' },
    ...hit.snippet.map((s) => (s.highlighted ? el('mark', { text: s.text }) : s.text)),
  );
}

/**
 * @param {JournalContext} ctx
 * @param {MomentRow[]} moments
 * @param {CheckIn[]} checkIns
 */
export function trashView(ctx, moments, checkIns) {
  return el(
    'section',
    { class: 'trash', 'aria-labelledby': 'trash-title' },
    el(
      'div',
      { class: 'timeline-head' },
      el('h1', { id: 'trash-title', text: 'Trash' }),
      el('a', { class: 'button quiet', href: '#journal', text: 'Back to the journal' }),
    ),
    el('p', {
      class: 'lede',
      text: 'Moments and check-ins you delete wait here for 30 days, then go for good. You can bring any of them back.',
    }),
    moments.length === 0 && checkIns.length === 0
      ? el('p', { class: 'empty', id: 'trash-empty', text: 'The trash is empty.' })
      : null,
    moments.length === 0
      ? null
      : el(
          'ul',
          { class: 'moment-list', id: 'trash-list' },
          ...moments.map((m) => momentRow(m, ctx.catalog, null, [trashActions(ctx, m)])),
        ),
    checkIns.length === 0 ? null : trashedCheckIns(ctx, checkIns),
  );
}

/**
 * @param {JournalContext} ctx
 * @param {CheckIn[]} checkIns
 */
function trashedCheckIns(ctx, checkIns) {
  const actions = (/** @type {CheckIn} */ checkIn) =>
    el(
      'div',
      { class: 'trash-actions' },
      el('span', { class: 'trash-when', text: trashWhen(checkIn) }),
      el('button', {
        type: 'button',
        class: 'button restore',
        onclick: () => ctx.checkIns.restore(checkIn),
        text: 'Restore',
      }),
    );
  return el(
    'section',
    { class: 'trash-check-ins', 'aria-labelledby': 'trash-check-ins-title' },
    el('h2', { id: 'trash-check-ins-title', text: 'Check-ins' }),
    el(
      'ul',
      { class: 'moment-list', id: 'trash-check-in-list' },
      ...checkIns.map((c) => checkInRow(c, null, [actions(c)])),
    ),
  );
}

/**
 * @param {JournalContext} ctx
 * @param {MomentRow} moment
 */
function trashActions(ctx, moment) {
  const purge = el('button', {
    type: 'button',
    class: 'button quiet danger purge',
    text: 'Delete for good',
  });
  purge.addEventListener('click', () => {
    if (purge.dataset.confirming === 'true') return ctx.purge(moment);
    purge.dataset.confirming = 'true';
    purge.textContent = 'Yes, delete it for good';
    purge.setAttribute('aria-describedby', `purge-warning-${moment.id}`);
    purge.after(
      el('span', {
        class: 'purge-warning',
        id: `purge-warning-${moment.id}`,
        role: 'alert',
        text: 'This cannot be undone.',
      }),
    );
  });
  return el(
    'div',
    { class: 'trash-actions' },
    el('span', { class: 'trash-when', text: trashWhen(moment) }),
    el('button', {
      type: 'button',
      class: 'button restore',
      onclick: () => ctx.restore(moment),
      text: 'Restore',
    }),
    purge,
  );
}

/** Days a moment has left in the trash before it goes for good. */
const TRASH_DAYS = 30;

/**
 * "Deleted on 26 November; kept until 26 December."
 * @param {{deletedAt?: string|null}} moment a moment or a check-in (a listed row leaves it out while live)
 */
export function trashWhen(moment) {
  if (!moment.deletedAt) return '';
  const deleted = new Date(moment.deletedAt);
  const until = new Date(deleted.getTime() + TRASH_DAYS * 24 * 3600 * 1000);
  const day = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'long' });
  return `Deleted on ${day.format(deleted)}; kept until ${day.format(until)}.`;
}
