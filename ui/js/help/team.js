// @ts-check
// Settings: the parent's care team (add, change, remove, put in order). The Help screen shows
// these people first, before any national line. Pure: builds DOM and reports what the parent
// asks for through `intents`; the Help controller talks to Rust.

import { el } from '../dom.js';
import { ROLE_NAMES } from './view.js';

/**
 * @typedef {import('../types.js').ContactInput} ContactInput
 * @typedef {{
 *   add: (input: ContactInput) => Promise<void>,
 *   update: (id: number, input: ContactInput) => Promise<void>,
 *   remove: (id: number) => Promise<void>,
 *   reorder: (ids: number[]) => Promise<void>,
 * }} TeamIntents each shows its own failure and draws the screen again
 */

/**
 * @param {import('../types.js').Contact[]} contacts
 * @param {TeamIntents} intents
 * @returns {HTMLElement}
 */
export function teamSettings(contacts, intents) {
  const ids = contacts.map((c) => c.id);
  /** @param {number} from @param {number} to */
  const move = (from, to) => {
    const order = [...ids];
    order.splice(to, 0, ...order.splice(from, 1));
    return intents.reorder(order);
  };
  return el(
    'fieldset',
    { class: 'choice care-team', id: 'care-team' },
    el('legend', { text: 'My care team' }),
    el('p', {
      class: 'hint',
      text: 'The people you would turn to: your GP, midwife, health visitor, therapist, partner or a friend. They are kept in your journal, encrypted with it, and shown first on the Help screen.',
    }),
    el(
      'ul',
      { class: 'plain-list', id: 'contact-list' },
      ...contacts.map((c, i) => contactRow(c, intents, i > 0 ? () => move(i, i - 1) : null)),
    ),
    contactForm('new', null, (input) => intents.add(input)),
  );
}

/**
 * @param {import('../types.js').Contact} contact
 * @param {TeamIntents} intents
 * @param {(() => void)|null} moveUp
 */
function contactRow(contact, intents, moveUp) {
  const row = el('li', { class: 'manage-row contact-row', 'data-contact': contact.id });
  const summary = () => [
    el(
      'span',
      { class: 'contact-summary' },
      el('strong', { text: contact.name }),
      ` \u00b7 ${ROLE_NAMES[contact.role]}`,
      contact.phone ? ` \u00b7 ${contact.phone}` : '',
    ),
    el('button', {
      type: 'button',
      class: 'button quiet small',
      text: 'Edit',
      'aria-label': `Edit ${contact.name}`,
      onclick: edit,
    }),
    moveUp
      ? el('button', {
          type: 'button',
          class: 'button quiet small',
          text: 'Move up',
          'aria-label': `Move ${contact.name} up`,
          onclick: moveUp,
        })
      : null,
    el('button', {
      type: 'button',
      class: 'button quiet small',
      text: 'Remove',
      'aria-label': `Remove ${contact.name}`,
      onclick: confirmRemove,
    }),
  ];
  function edit() {
    row.replaceChildren(
      contactForm(String(contact.id), contact, (input) => intents.update(contact.id, input)),
    );
    row.querySelector('input')?.focus();
  }
  function confirmRemove() {
    const yes = el('button', {
      type: 'button',
      class: 'button small',
      text: `Yes, remove ${contact.name}`,
      onclick: () => intents.remove(contact.id),
    });
    row.replaceChildren(
      el('span', { text: 'Remove this contact from your care team?' }),
      yes,
      el('button', {
        type: 'button',
        class: 'button quiet small',
        text: 'Keep',
        onclick: () => {
          row.replaceChildren(...summary());
        },
      }),
    );
    yes.focus();
  }
  row.append(...summary());
  return row;
}

/**
 * The form that adds a contact (`key` "new") or changes one.
 * @param {string} key
 * @param {import('../types.js').Contact|null} contact
 * @param {(input: import('../types.js').ContactInput) => void} save
 */
function contactForm(key, contact, save) {
  const id = (name) => `contact-${name}-${key}`;
  const role = /** @type {HTMLSelectElement} */ (
    el(
      'select',
      { id: id('role') },
      ...Object.entries(ROLE_NAMES).map(([value, label]) =>
        el('option', { value, selected: (contact?.role ?? 'gp') === value }, label),
      ),
    )
  );
  const name = /** @type {HTMLInputElement} */ (
    el('input', {
      type: 'text',
      id: id('name'),
      maxlength: 80,
      value: contact?.name ?? '',
      required: true,
    })
  );
  const phone = /** @type {HTMLInputElement} */ (
    el('input', {
      type: 'tel',
      id: id('phone'),
      maxlength: 40,
      value: contact?.phone ?? '',
      autocomplete: 'off',
    })
  );
  const notes = /** @type {HTMLTextAreaElement} */ (
    el('textarea', { id: id('notes'), maxlength: 2000, rows: 2 })
  );
  notes.value = contact?.notes ?? '';
  const form = el(
    'form',
    { class: 'contact-form', id: id('form') },
    field('Who they are', role, id('role')),
    field('Name', name, id('name')),
    field('Phone (optional)', phone, id('phone')),
    field('Notes (optional), e.g. surgery hours', notes, id('notes')),
    el('button', {
      type: 'submit',
      class: 'button small',
      text: contact ? 'Save contact' : 'Add to my care team',
    }),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    save({
      role: /** @type {import('../types.js').Role} */ (role.value),
      name: name.value,
      phone: phone.value,
      notes: notes.value,
    });
  });
  return form;
}

/** @param {string} label @param {HTMLElement} control @param {string} id */
function field(label, control, id) {
  return el(
    'label',
    { class: 'field', for: id },
    el('span', { class: 'field-label', text: label }),
    control,
  );
}
