// @ts-check
// The export's choices: dates, what to share, kinds, babies and single moments; then saving.

import { el } from '../dom.js';
import { formatMinutes, toLocalDate } from '../format.js';

/**
 * @typedef {import('../types.js').Selection} Selection
 * @typedef {import('../types.js').Candidates} Candidates
 * @typedef {ReturnType<typeof import('./controller.js').createExport>} ExportContext
 */

const RANGES = [
  ['last7', 'Last 7 days'],
  ['last14', 'Last 14 days'],
  ['last30', 'Last 30 days'],
  ['since', 'Since a date'],
  ['between', 'Between two dates'],
];

const FORMATS = [
  ['pdf', 'PDF report (to print or send)'],
  ['markdown', 'Markdown (plain text)'],
  ['csv', 'CSV (spreadsheet)'],
  ['json', 'JSON (complete data)'],
];

/**
 * The name of a range's radio button.
 * @param {Selection['range']} range
 */
export function rangeKey(range) {
  if ('last' in range) return `last${range.last.days}`;
  return 'since' in range ? 'since' : 'between';
}

/**
 * The range a radio button stands for, keeping dates already typed.
 * @param {string} key
 * @param {Selection['range']} current
 * @param {string} today "YYYY-MM-DD"
 * @returns {Selection['range']}
 */
export function rangeFor(key, current, today) {
  if (key.startsWith('last')) return { last: { days: Number(key.slice(4)) } };
  const first =
    'since' in current ? current.since : 'between' in current ? current.between.first : today;
  if (key === 'since') return { since: first };
  return { between: { first, last: 'between' in current ? current.between.last : today } };
}

/**
 * @param {ExportContext} ctx
 * @param {{candidates: Candidates, babies: import('../types.js').Baby[], kinds: import('../types.js').Kind[]}} data
 */
export function chooseView(ctx, { candidates, babies, kinds }) {
  const selection = ctx.selection();
  return el(
    'form',
    { class: 'export-choices', 'aria-label': 'What to share', onsubmit: (e) => e.preventDefault() },
    datesField(ctx, selection),
    includeField(ctx, selection),
    kindsField(ctx, selection, kinds),
    babies.length > 1 ? babiesField(ctx, selection, babies) : null,
    namesField(ctx, selection),
    momentsField(ctx, candidates),
  );
}

/** @param {ExportContext} ctx @param {Selection} selection */
function datesField(ctx, selection) {
  const key = rangeKey(selection.range);
  const today = toLocalDate(new Date());
  const pick = (value) => ctx.choose({ range: rangeFor(value, selection.range, today) });
  return el(
    'fieldset',
    { class: 'choice' },
    el('legend', { text: 'Dates' }),
    el(
      'div',
      { class: 'choice-row' },
      ...RANGES.map(([value, label]) =>
        el(
          'label',
          {},
          el('input', {
            type: 'radio',
            name: 'export-range',
            value,
            checked: value === key,
            onchange: () => pick(value),
          }),
          label,
        ),
      ),
    ),
    dateInputs(ctx, selection.range),
  );
}

/** @param {ExportContext} ctx @param {Selection['range']} range */
function dateInputs(ctx, range) {
  const date = (label, id, value, set) =>
    el(
      'label',
      { class: 'field' },
      el('span', { class: 'field-label', text: label }),
      el('input', {
        type: 'date',
        id,
        value,
        onchange: (e) => e.target.value && set(e.target.value),
      }),
    );
  if ('since' in range) {
    return el(
      'div',
      { class: 'field-row' },
      date('From', 'export-since', range.since, (v) => ctx.choose({ range: { since: v } })),
    );
  }
  if ('between' in range) {
    const { first, last } = range.between;
    return el(
      'div',
      { class: 'field-row' },
      date('From', 'export-first', first, (v) =>
        ctx.choose({ range: { between: { first: v, last } } }),
      ),
      date('To', 'export-last', last, (v) =>
        ctx.choose({ range: { between: { first, last: v } } }),
      ),
    );
  }
  return null;
}

/** @param {ExportContext} ctx @param {Selection} selection */
function includeField(ctx, selection) {
  const parts = [
    ['notes', 'Notes'],
    ['feelings', 'Feeling words'],
    ['ratings', 'Connection and energy ratings'],
    ['checkIns', 'Check-ins I marked to share'],
  ];
  return el(
    'fieldset',
    { class: 'choice' },
    el('legend', { text: 'Include' }),
    el(
      'div',
      { class: 'choice-row' },
      ...parts.map(([part, label]) =>
        el(
          'label',
          {},
          el('input', {
            type: 'checkbox',
            name: `include-${part}`,
            checked: selection.include[part],
            onchange: (e) =>
              ctx.choose({ include: { ...selection.include, [part]: e.target.checked } }),
          }),
          label,
        ),
      ),
    ),
  );
}

/**
 * A group of checkboxes over ids where `null` means "all of them".
 * @template T
 * @param {string} legend
 * @param {{id: T, label: string}[]} items
 * @param {T[]|null} chosen
 * @param {(ids: T[]|null) => void} set
 */
function idsField(legend, items, chosen, set) {
  const all = items.map((i) => i.id);
  const isOn = (id) => chosen === null || chosen.includes(id);
  const toggle = (id, on) => {
    const next = all.filter((other) => (other === id ? on : isOn(other)));
    set(next.length === all.length ? null : next);
  };
  return el(
    'fieldset',
    { class: 'choice' },
    el('legend', { text: legend }),
    el(
      'div',
      { class: 'choice-row' },
      ...items.map((item) =>
        el(
          'label',
          {},
          el('input', {
            type: 'checkbox',
            checked: isOn(item.id),
            onchange: (e) => toggle(item.id, e.target.checked),
          }),
          item.label,
        ),
      ),
    ),
  );
}

/** @param {ExportContext} ctx @param {Selection} selection @param {import('../types.js').Kind[]} kinds */
function kindsField(ctx, selection, kinds) {
  const items = kinds
    .filter((k) => !k.hidden)
    .map((k) => ({ id: k.id, label: `${k.emoji} ${k.name}` }));
  return idsField('Kinds of moment', items, selection.kindIds, (kindIds) =>
    ctx.choose({ kindIds }),
  );
}

/** @param {ExportContext} ctx @param {Selection} selection @param {import('../types.js').Baby[]} babies */
function babiesField(ctx, selection, babies) {
  const items = babies.map((b) => ({ id: b.id, label: b.name }));
  return idsField('Babies', items, selection.babyIds, (babyIds) => ctx.choose({ babyIds }));
}

/** @param {ExportContext} ctx @param {Selection} selection */
function namesField(ctx, selection) {
  const text = (label, id, key, placeholder) =>
    el(
      'label',
      { class: 'field' },
      el('span', { class: 'field-label', text: label }),
      el('input', {
        type: 'text',
        id,
        maxlength: 120,
        placeholder,
        value: selection[key] ?? '',
        onchange: (e) => ctx.choose({ [key]: e.target.value.trim() || null }),
      }),
    );
  return el(
    'div',
    { class: 'field-row' },
    text('Title (optional)', 'export-title-input', 'title', 'Bonding journal'),
    text(
      'Prepared for (optional)',
      'export-prepared-for',
      'preparedFor',
      'For example, your therapist’s name',
    ),
  );
}

/** @param {ExportContext} ctx @param {Candidates} candidates */
function momentsField(ctx, candidates) {
  const chosen = candidates.moments.filter((m) => !m.excluded).length;
  return el(
    'fieldset',
    { class: 'choice export-moments' },
    el('legend', { text: 'Moments' }),
    el('p', {
      class: 'hint',
      id: 'export-count',
      text: countText(chosen, candidates.moments.length, candidates.privateLeftOut),
    }),
    candidates.moments.length === 0
      ? el('p', { class: 'empty', text: 'There are no moments in these dates yet.' })
      : el(
          'ul',
          { class: 'plain-list candidate-list' },
          ...candidates.moments.map((m) => candidateRow(ctx, m)),
        ),
  );
}

/** @param {ExportContext} ctx @param {import('../types.js').Candidate} m */
function candidateRow(ctx, m) {
  const duration = m.durationMinutes === null ? '' : ` · ${formatMinutes(m.durationMinutes)}`;
  return el(
    'li',
    {},
    el(
      'label',
      { class: 'candidate' },
      el('input', {
        type: 'checkbox',
        'data-moment': m.id,
        checked: !m.excluded,
        onchange: (e) => ctx.tick(m.id, e.target.checked),
      }),
      el('span', { class: 'candidate-when', text: `${shortDate(m.date)} ${m.start}` }),
      el(
        'span',
        { class: 'candidate-main' },
        el('span', {
          class: 'moment-title',
          text: `${m.emoji} ${m.kind}${duration}${m.baby ? ` · ${m.baby}` : ''}`,
        }),
        m.notePreview ? el('span', { class: 'moment-note', text: m.notePreview }) : null,
      ),
    ),
  );
}

/**
 * The format, paper and Save button, with the progress of a save in progress.
 * @param {ExportContext} ctx
 * @param {import('../types.js').Report} report
 */
export function saveView(ctx, report) {
  const saving = ctx.saving();
  const nothing = report.summary.moments === 0;
  return el(
    'div',
    { class: 'export-save card' },
    el(
      'label',
      { class: 'field' },
      el('span', { class: 'field-label', text: 'Save as' }),
      el(
        'select',
        {
          id: 'export-format',
          disabled: Boolean(saving),
          onchange: (e) => ctx.setFormat(e.target.value),
        },
        ...FORMATS.map(([value, label]) =>
          el('option', { value, selected: value === ctx.format() }, label),
        ),
      ),
    ),
    ctx.format() === 'pdf' ? paperField(ctx, Boolean(saving)) : null,
    saving
      ? el(
          'div',
          { class: 'export-progress', role: 'status' },
          el('p', { id: 'export-stage', text: STAGE_TEXT[saving] ?? '' }),
          el(
            'button',
            { type: 'button', class: 'button', id: 'export-cancel', onclick: () => ctx.cancel() },
            'Cancel',
          ),
        )
      : el(
          'button',
          {
            type: 'button',
            class: 'button',
            id: 'export-save',
            disabled: nothing,
            onclick: () => ctx.save(),
          },
          nothing ? 'Nothing to save yet' : 'Save…',
        ),
  );
}

/** @param {ExportContext} ctx @param {boolean} disabled */
function paperField(ctx, disabled) {
  return el(
    'fieldset',
    { class: 'choice' },
    el('legend', { text: 'Paper' }),
    el(
      'div',
      { class: 'choice-row' },
      ...[
        ['a4', 'A4'],
        ['usLetter', 'US Letter'],
      ].map(([value, label]) =>
        el(
          'label',
          {},
          el('input', {
            type: 'radio',
            name: 'export-paper',
            value,
            disabled,
            checked: ctx.paper() === value,
            onchange: () => ctx.setPaper(value),
          }),
          label,
        ),
      ),
    ),
  );
}

/**
 * The line above the moments: how many are chosen, and how many private ones stay out.
 * @param {number} chosen @param {number} total @param {number} privateLeftOut
 */
export function countText(chosen, total, privateLeftOut) {
  const privateNote =
    privateLeftOut > 0
      ? ` ${privateLeftOut === 1 ? '1 private moment is' : `${privateLeftOut} private moments are`} never included.`
      : '';
  return `${chosen} of ${total} ${total === 1 ? 'moment' : 'moments'} chosen.${privateNote} Untick any you would rather keep to yourself.`;
}

/** What the progress line says at each stage of a save. */
export const STAGE_TEXT = /** @type {Record<string, string>} */ ({
  choosing: 'Choose where to save the file…',
  collecting: 'Gathering the moments you chose…',
  typesetting: 'Laying out the pages…',
  writing: 'Writing the file…',
});

/** "2026-11-26" as a short day, "Thu 26 Nov", in the parent's language. @param {string} isoDate */
export function shortDate(isoDate) {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  }).format(new Date(y, m - 1, d));
}
