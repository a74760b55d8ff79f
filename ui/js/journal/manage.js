// @ts-check
// Settings for the journal: babies (add, rename, archive) and kinds (add and rename your own,
// hide). Pure: builds DOM from the catalog and reports what the parent asks for through
// `intents`; the journal's controller does the rest.

import { el } from '../dom.js';

/**
 * @typedef {import('../types.js').Baby} Baby
 * @typedef {import('../types.js').Kind} Kind
 * @typedef {{
 *   addBaby: (input: {name: string, birthDate: string|null}) => Promise<void>,
 *   renameBaby: (baby: Baby, name: string) => Promise<void>,
 *   archiveBaby: (baby: Baby) => Promise<void>,
 *   addKind: (input: {name: string, emoji: string, timed: boolean}) => Promise<void>,
 *   renameKind: (kind: Kind, name: string) => Promise<void>,
 *   setKindHidden: (kind: Kind, hidden: boolean) => Promise<void>,
 * }} ManageIntents
 */

/**
 * @param {{babies: Baby[], kinds: Kind[]}} data the catalog as last read
 * @param {ManageIntents} intents
 */
export function manageView(data, intents) {
  return el(
    'div',
    { class: 'manage' },
    babiesSection(data.babies, intents),
    kindsSection(data.kinds, intents),
  );
}

/** @param {Baby[]} babies @param {ManageIntents} intents */
function babiesSection(babies, intents) {
  const name = el('input', {
    type: 'text',
    id: 'baby-name',
    maxlength: 60,
    placeholder: 'Name or nickname',
    'aria-label': 'Baby\u2019s name or nickname',
  });
  const born = el('input', {
    type: 'date',
    id: 'baby-born',
    'aria-label': 'Date of birth (optional)',
  });
  const form = el(
    'form',
    { class: 'inline-form', id: 'add-baby' },
    name,
    born,
    el('button', { type: 'submit', class: 'button small', text: 'Add baby' }),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    intents.addBaby({ name: name.value, birthDate: born.value || null });
  });
  return el(
    'fieldset',
    { class: 'choice' },
    el('legend', { text: 'Babies' }),
    el('p', {
      class: 'hint',
      text: 'Optional. Naming a baby lets you log for each of them, twins included.',
    }),
    el('ul', { class: 'plain-list', id: 'baby-list' }, ...babies.map((b) => babyRow(b, intents))),
    form,
  );
}

/** @param {Baby} baby @param {ManageIntents} intents */
function babyRow(baby, intents) {
  const rename = el('input', {
    type: 'text',
    value: baby.name,
    maxlength: 60,
    'aria-label': `New name for ${baby.name}`,
  });
  return el(
    'li',
    { class: 'manage-row' },
    rename,
    el('button', {
      type: 'button',
      class: 'button quiet small',
      onclick: () => intents.renameBaby(baby, rename.value),
      text: 'Rename',
    }),
    baby.archived
      ? el('span', { class: 'hint', text: 'Archived' })
      : el('button', {
          type: 'button',
          class: 'button quiet small',
          text: 'Archive',
          onclick: () => intents.archiveBaby(baby),
        }),
  );
}

/** @param {Kind[]} kinds @param {ManageIntents} intents */
function kindsSection(kinds, intents) {
  const name = el('input', {
    type: 'text',
    id: 'kind-name',
    maxlength: 40,
    placeholder: 'e.g. Baby massage',
    'aria-label': 'Name of your own kind of moment',
  });
  const emoji = el('input', {
    type: 'text',
    id: 'kind-emoji',
    maxlength: 16,
    value: '✨',
    'aria-label': 'Emoji or symbol',
    size: 4,
  });
  const timed = el('input', { type: 'checkbox', id: 'kind-timed' });
  const form = el(
    'form',
    { class: 'inline-form', id: 'add-kind' },
    name,
    emoji,
    el('label', { class: 'check' }, timed, 'Timed'),
    el('button', { type: 'submit', class: 'button small', text: 'Add kind' }),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    intents.addKind({ name: name.value, emoji: emoji.value, timed: timed.checked });
  });
  return el(
    'fieldset',
    { class: 'choice' },
    el('legend', { text: 'Kinds of moment' }),
    el('p', {
      class: 'hint',
      text: 'Hide the ones you never use. Hidden kinds keep every moment logged with them.',
    }),
    el('ul', { class: 'plain-list', id: 'kind-list' }, ...kinds.map((k) => kindRow(k, intents))),
    form,
  );
}

/**
 * Built-in kinds keep their names; the parent's own can be renamed, as babies can.
 * @param {Kind} kind @param {ManageIntents} intents
 */
function kindRow(kind, intents) {
  const hide = el('button', {
    type: 'button',
    class: 'button quiet small',
    text: kind.hidden ? 'Show' : 'Hide',
    onclick: () => intents.setKindHidden(kind, !kind.hidden),
  });
  if (kind.builtIn)
    return el(
      'li',
      { class: 'manage-row' },
      el('span', { text: `${kind.emoji} ${kind.name}` }),
      hide,
    );
  const rename = el('input', {
    type: 'text',
    value: kind.name,
    maxlength: 40,
    'aria-label': `New name for ${kind.name}`,
  });
  return el(
    'li',
    { class: 'manage-row' },
    el('span', { text: kind.emoji }),
    rename,
    el('button', {
      type: 'button',
      class: 'button quiet small',
      onclick: () => intents.renameKind(kind, rename.value),
      text: 'Rename',
    }),
    hide,
  );
}
