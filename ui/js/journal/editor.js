// @ts-check
// The moment editor: every field of a moment in one dialog. The note's draft is kept on every
// keystroke so nothing typed is lost if the window closes before Save. While paired, the
// parent's own moment has a "share how I felt" box; a moment from the partner's computer shows
// its feelings read-only (only its author changes them) and its care open to change.

import { el } from '../dom.js';
import { fromInputValue, toInputValue, withOffset } from '../format.js';
import { SCALES, currentOffsetSeconds } from './catalog.js';

/**
 * @typedef {import('../types.js').Moment} Moment
 * @typedef {import('../types.js').MomentInput} MomentInput
 * @typedef {import('./catalog.js').Catalog} Catalog
 * @typedef {import('./drafts.js').Drafts} Drafts
 * @typedef {import('./controller.js').Partner} Partner
 * @typedef {{save: (input: MomentInput, id: number|null, share: boolean|null) => Promise<void>,
 *   remove: (moment: Moment) => Promise<void>}} EditorActions `share` is the "share how I felt"
 *   box, or null when there is none
 */

/**
 * @param {Catalog} catalog
 * @param {EditorActions} actions
 * @param {Drafts} drafts where unsaved notes wait, per moment ("new" for one not saved yet)
 * @param {Partner} partner
 */
export function createEditor(catalog, actions, drafts, partner) {
  const dialog = /** @type {HTMLDialogElement} */ (
    el('dialog', { id: 'editor', class: 'editor', 'aria-labelledby': 'editor-title' })
  );
  document.body.append(dialog);
  return {
    /**
     * @param {Moment|null} moment null for a new moment
     * @param {Partial<MomentInput>} [defaults]
     */
    open(moment, defaults = {}) {
      const deps = { catalog, actions, drafts, partner };
      const form = editorForm(deps, moment, defaults, () => dialog.close());
      dialog.replaceChildren(form);
      dialog.showModal();
      /** @type {HTMLElement|null} */ (form.querySelector('#editor-kind'))?.focus();
    },
    isOpen: () => dialog.open,
    /** Closes the editor and drops its form, so no note stays in the page (the draft is kept). */
    close() {
      if (dialog.open) dialog.close();
      dialog.replaceChildren();
    },
  };
}

/**
 * @param {{catalog: Catalog, actions: EditorActions, drafts: Drafts, partner: Partner}} deps
 * @param {Moment|null} moment
 * @param {Partial<MomentInput>} defaults
 * @param {() => void} close
 */
function editorForm({ catalog, actions, drafts, partner }, moment, defaults, close) {
  const start = moment?.startLocal ?? defaults.startedAt ?? withOffset(new Date());
  const theirs = Boolean(moment?.fromPartner);
  const draftKey = moment ? String(moment.id) : 'new';
  const draft = theirs ? null : drafts.get(draftKey);
  const note = draft ?? moment?.note ?? defaults.note ?? '';
  const error = el('p', { class: 'editor-error', id: 'editor-error', role: 'alert', hidden: true });
  const form = /** @type {HTMLFormElement} */ (
    el(
      'form',
      { class: 'editor-form', novalidate: true },
      el('h2', { id: 'editor-title', text: moment ? 'Edit this moment' : 'Log a moment' }),
      theirs
        ? el('p', {
            class: 'partner-note',
            id: 'editor-partner-note',
            text: `Written on ${partner.name()}\u2019s computer: you can change the care, they keep their feelings.`,
          })
        : null,
      draft !== null && draft !== (moment?.note ?? '')
        ? el('p', {
            class: 'draft-restored',
            id: 'draft-restored',
            text: 'Your unsaved note was kept and is back below.',
          })
        : null,
      kindField(
        catalog,
        moment?.kindId ?? defaults.kindId ?? 'skin_to_skin',
        moment?.detail ?? null,
      ),
      el(
        'div',
        { class: 'field-row' },
        field(
          'Started',
          el('input', {
            type: 'datetime-local',
            id: 'editor-start',
            name: 'start',
            required: true,
            value: toInputValue(start),
          }),
        ),
        field(
          'Ended (leave empty for a moment without duration)',
          el('input', {
            type: 'datetime-local',
            id: 'editor-end',
            name: 'end',
            value: moment?.endLocal ? toInputValue(moment.endLocal) : '',
          }),
        ),
      ),
      babyField(catalog, moment ? (moment.babyId ?? null) : (defaults.babyId ?? null)),
      whoField(moment?.who ?? 'me'),
      ...(theirs
        ? [theirFeelings(/** @type {Moment} */ (moment), partner.name())]
        : ownFeelings(catalog, moment, note, (text) => drafts.set(draftKey, text))),
      el(
        'label',
        { class: 'check' },
        el('input', {
          type: 'checkbox',
          id: 'editor-private',
          name: 'private',
          checked: moment?.private ?? false,
          disabled: theirs,
        }),
        'Private: never include this moment in an export',
      ),
      !theirs && partner.paired()
        ? shareField(partner, moment ? moment.shareFeelings : partner.shareByDefault())
        : null,
      error,
      el(
        'div',
        { class: 'editor-actions' },
        el('button', { type: 'submit', class: 'button', id: 'editor-save', text: 'Save' }),
        el('button', {
          type: 'button',
          class: 'button quiet',
          id: 'editor-cancel',
          onclick: close,
          text: 'Close',
        }),
        moment
          ? el('button', {
              type: 'button',
              class: 'button quiet danger',
              id: 'editor-delete',
              onclick: () => actions.remove(moment).then(close),
              text: 'Move to trash',
            })
          : null,
      ),
    )
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit(form, actions, moment, () => drafts.remove(draftKey), error).then((ok) => ok && close());
  });
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) form.requestSubmit();
  });
  return form;
}

/**
 * @param {HTMLFormElement} form
 * @param {EditorActions} actions
 * @param {Moment|null} moment
 * @param {() => Promise<void>} discardDraft
 * @param {HTMLElement} error
 */
async function submit(form, actions, moment, discardDraft, error) {
  const input = readForm(form, moment);
  if (typeof input === 'string') return showError(error, input);
  const shareBox = /** @type {HTMLInputElement|null} */ (form.elements.namedItem('share'));
  try {
    await actions.save(input, moment ? moment.id : null, shareBox ? shareBox.checked : null);
    discardDraft().catch(() => {}); // a leftover draft is only offered back, never lost
    return true;
  } catch (err) {
    return showError(error, /** @type {Error} */ (err).message);
  }
}

/**
 * @param {HTMLElement} error
 * @param {string} message
 */
function showError(error, message) {
  error.textContent = message;
  error.hidden = false;
  error.focus?.();
  return false;
}

/**
 * Reads the form into a MomentInput, or returns a message for what cannot be read.
 * @param {HTMLFormElement} form
 * @param {Moment|null} moment
 * @returns {MomentInput|string}
 */
export function readForm(form, moment) {
  const value = (name) =>
    /** @type {HTMLInputElement} */ (form.elements.namedItem(name))?.value ?? '';
  const startedAt = fromInputValue(value('start'));
  if (!startedAt) return 'Please enter when the moment started.';
  const endValue = value('end');
  const endedAt = endValue ? fromInputValue(endValue) : null;
  if (endValue && !endedAt)
    return 'Please enter a real date and time for the end, or leave it empty.';
  /** @type {import('../types.js').Who} */
  const who =
    value('who') === 'caregiver'
      ? { caregiver: value('caregiver') }
      : value('who') === 'partner'
        ? 'partner'
        : 'me';
  return {
    kindId: value('kind'),
    detail: value('detail') || null,
    startedAt,
    utcOffsetSeconds:
      moment && toInputValue(moment.startLocal) === value('start')
        ? moment.utcOffsetSeconds
        : offsetOf(startedAt),
    endedAt,
    babyId: value('baby') ? Number(value('baby')) : null,
    who,
    connection: checkedNumber(form, 'connection'),
    energy: checkedNumber(form, 'energy'),
    feelings: [...form.querySelectorAll('.feeling[aria-pressed="true"]')].map(
      (b) => /** @type {HTMLElement} */ (b).dataset.word ?? '',
    ),
    note: value('note'),
    private: /** @type {HTMLInputElement} */ (form.elements.namedItem('private')).checked,
    tags: value('tags')
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
  };
}

/** @param {string} iso */
function offsetOf(iso) {
  const match = /([+-])(\d\d):(\d\d)$/.exec(iso);
  if (!match) return currentOffsetSeconds();
  const seconds = Number(match[2]) * 3600 + Number(match[3]) * 60;
  return match[1] === '-' ? -seconds : seconds;
}

/**
 * @param {HTMLFormElement} form
 * @param {string} name
 */
function checkedNumber(form, name) {
  const checked = /** @type {HTMLInputElement|null} */ (
    form.querySelector(`input[name="${name}"]:checked`)
  );
  return checked && checked.value ? Number(checked.value) : null;
}

/**
 * @param {string} label
 * @param {HTMLElement} control
 */
function field(label, control) {
  return el(
    'label',
    { class: 'field' },
    el('span', { class: 'field-label', text: label }),
    control,
  );
}

/**
 * @param {Catalog} catalog
 * @param {string} kindId
 * @param {string|null} detail
 */
function kindField(catalog, kindId, detail) {
  const kinds = catalog.data.kinds.filter((k) => !k.hidden || k.id === kindId);
  const details = el('select', { id: 'editor-detail', name: 'detail' });
  const fill = (id) => {
    const kind = catalog.kind(id);
    details.replaceChildren(
      el('option', { value: '', text: 'Not noted' }),
      ...kind.details.map((d) =>
        el('option', { value: d.id, text: d.name, selected: d.id === detail }),
      ),
    );
    /** @type {HTMLElement} */ (details.parentElement ?? details).hidden =
      kind.details.length === 0;
  };
  const kindSelect = el(
    'select',
    { id: 'editor-kind', name: 'kind', onchange: (e) => fill(e.target.value) },
    ...kinds.map((k) =>
      el('option', { value: k.id, text: `${k.emoji} ${k.name}`, selected: k.id === kindId }),
    ),
  );
  const detailField = field('Detail', details);
  queueMicrotask(() => fill(kindId));
  return el('div', { class: 'field-row' }, field('What happened', kindSelect), detailField);
}

/**
 * @param {Catalog} catalog
 * @param {number|null} babyId
 */
function babyField(catalog, babyId) {
  const babies = catalog.data.babies.filter((b) => !b.archived || b.id === babyId);
  if (babies.length === 0) return null;
  return field(
    'Baby',
    el(
      'select',
      { id: 'editor-baby', name: 'baby' },
      el('option', { value: '', text: 'No baby chosen', selected: babyId === null }),
      ...babies.map((b) => el('option', { value: b.id, text: b.name, selected: b.id === babyId })),
    ),
  );
}

/** @param {import('../types.js').Who} who */
function whoField(who) {
  const caregiver = typeof who === 'object' ? who.caregiver : '';
  const current = typeof who === 'object' ? 'caregiver' : who;
  const name = el('input', {
    type: 'text',
    id: 'editor-caregiver',
    name: 'caregiver',
    value: caregiver,
    placeholder: 'Their name',
    hidden: current !== 'caregiver',
    'aria-label': 'Caregiver\u2019s name',
  });
  const select = el(
    'select',
    {
      id: 'editor-who',
      name: 'who',
      onchange: (e) => {
        name.hidden = e.target.value !== 'caregiver';
      },
    },
    el('option', { value: 'me', text: 'Me', selected: current === 'me' }),
    el('option', { value: 'partner', text: 'My partner', selected: current === 'partner' }),
    el('option', { value: 'caregiver', text: 'Someone else', selected: current === 'caregiver' }),
  );
  return el('div', { class: 'field-row' }, field('Who', select), name);
}

/**
 * "Share how I felt with Noor": whether this moment's feelings go to the partner's computer.
 * @param {Partner} partner
 * @param {boolean} checked
 */
function shareField(partner, checked) {
  return el(
    'div',
    { class: 'share-field' },
    el(
      'label',
      { class: 'check' },
      el('input', { type: 'checkbox', id: 'editor-share', name: 'share', checked }),
      `Share how I felt with ${partner.name()}`,
    ),
    el('p', {
      class: 'hint',
      text: 'Your note, feeling words, tags and ratings go with the care. Private moments stay on this computer.',
    }),
  );
}

/**
 * How the parent felt, all of it theirs to change: ratings, feeling words, the note and tags.
 * @param {Catalog} catalog
 * @param {Moment|null} moment
 * @param {string} note the note to show (a kept draft wins over the saved note)
 * @param {(text: string) => Promise<void>} keepDraft
 */
function ownFeelings(catalog, moment, note, keepDraft) {
  return [
    scaleField('connection', moment?.connection ?? null),
    scaleField('energy', moment?.energy ?? null),
    feelingsField(catalog, moment?.feelings ?? []),
    noteField(note, keepDraft),
    field(
      'Tags (separate with commas)',
      el('input', {
        type: 'text',
        id: 'editor-tags',
        name: 'tags',
        value: (moment?.tags ?? []).join(', '),
        autocomplete: 'off',
        list: 'tag-suggestions',
      }),
    ),
    el(
      'datalist',
      { id: 'tag-suggestions' },
      ...catalog.data.tags.map((t) => el('option', { value: t })),
    ),
  ];
}

/**
 * How the partner felt, as they shared it: shown, never changed here (only its author does).
 * @param {Moment} moment
 * @param {string} partner
 */
function theirFeelings(moment, partner) {
  const ratings = [
    moment.connection ? `connection ${moment.connection}/5` : '',
    moment.energy ? `energy ${moment.energy}/5` : '',
  ].filter(Boolean);
  const shared = ratings.length + moment.feelings.length + moment.tags.length > 0 || moment.note;
  return el(
    'fieldset',
    { class: 'their-feelings', id: 'editor-their-feelings' },
    el('legend', { text: `How ${partner} felt` }),
    shared
      ? null
      : el('p', {
          class: 'hint',
          text: `${partner}\u2019s feelings about this stay on their computer.`,
        }),
    ratings.length ? el('p', { class: 'moment-ratings', text: ratings.join(' \u00b7 ') }) : null,
    moment.feelings.length
      ? el(
          'p',
          { class: 'moment-feelings' },
          ...moment.feelings.map((w) => el('span', { class: 'chip', text: w })),
        )
      : null,
    moment.note
      ? el('p', { class: 'their-note', id: 'editor-their-note', text: moment.note })
      : null,
    moment.tags.length ? el('p', { class: 'hint', text: `Tags: ${moment.tags.join(', ')}` }) : null,
  );
}

/**
 * @param {'connection'|'energy'} name
 * @param {number|null} current
 */
function scaleField(name, current) {
  const scale = SCALES[name];
  return el(
    'fieldset',
    { class: 'scale', id: `editor-${name}` },
    el('legend', { text: scale.label }),
    el('span', { class: 'scale-end', text: scale.low }),
    el(
      'span',
      { class: 'scale-points' },
      ...[1, 2, 3, 4, 5].map((n) =>
        el(
          'label',
          { class: 'scale-point' },
          el('input', {
            type: 'radio',
            name,
            value: n,
            checked: current === n,
            'aria-label': `${n} of 5`,
          }),
          el('span', { 'aria-hidden': 'true', text: String(n) }),
        ),
      ),
    ),
    el('span', { class: 'scale-end', text: scale.high }),
    el('button', {
      type: 'button',
      class: 'link-button',
      text: 'Clear',
      onclick: (e) => {
        e.target
          .closest('fieldset')
          .querySelectorAll('input')
          .forEach((i) => {
            i.checked = false;
          });
      },
    }),
  );
}

/**
 * @param {Catalog} catalog
 * @param {string[]} chosen
 */
function feelingsField(catalog, chosen) {
  const words = [...new Set([...chosen, ...catalog.data.feelings])];
  const list = el(
    'div',
    { class: 'feelings', id: 'editor-feelings' },
    ...words.map((w) => feelingToggle(w, chosen.includes(w))),
  );
  const own = el('input', {
    type: 'text',
    id: 'editor-own-feeling',
    placeholder: 'Your own word',
    'aria-label': 'Add your own feeling word',
    maxlength: 40,
  });
  const add = () => {
    const word = own.value.trim().toLowerCase();
    if (!word) return;
    const existing = /** @type {HTMLElement|null} */ (
      [...list.children].find((b) => /** @type {HTMLElement} */ (b).dataset.word === word) ?? null
    );
    if (existing) existing.setAttribute('aria-pressed', 'true');
    else list.append(feelingToggle(word, true));
    own.value = '';
  };
  own.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      add();
    }
  });
  return el(
    'fieldset',
    { class: 'feelings-field' },
    el('legend', { text: 'Feeling words' }),
    list,
    el(
      'div',
      { class: 'own-feeling' },
      own,
      el('button', {
        type: 'button',
        class: 'button quiet small',
        id: 'editor-add-feeling',
        onclick: add,
        text: 'Add',
      }),
    ),
  );
}

/**
 * @param {string} word
 * @param {boolean} pressed
 */
function feelingToggle(word, pressed) {
  return el('button', {
    type: 'button',
    class: 'feeling chip-toggle',
    'data-word': word,
    'aria-pressed': String(pressed),
    text: word,
    onclick: (e) => {
      const b = e.currentTarget;
      b.setAttribute('aria-pressed', String(b.getAttribute('aria-pressed') !== 'true'));
    },
  });
}

/**
 * @param {string} note
 * @param {(text: string) => Promise<void>} keepDraft
 */
function noteField(note, keepDraft) {
  const status = el('span', { class: 'draft-status', id: 'draft-status', 'aria-live': 'polite' });
  const area = el('textarea', { id: 'editor-note', name: 'note', rows: 6, maxlength: 100000 });
  area.value = note;
  area.addEventListener('input', () => {
    keepDraft(area.value).then(
      () => {
        status.textContent = 'Draft kept';
      },
      () => {
        status.textContent = 'The draft could not be kept: save the moment to keep this note';
      },
    );
  });
  return el(
    'label',
    { class: 'field' },
    el('span', { class: 'field-label' }, 'Note ', status),
    area,
  );
}
