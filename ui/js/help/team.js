// @ts-check
// Settings: the parent's care team (add, change, remove, put in order). The Help screen shows
// these people first, before any national line.

import { el } from '../dom.js';
import { ROLE_NAMES } from './view.js';

/**
 * @param {typeof import('../api.js')} api
 * @param {import('../types.js').Contact[]} contacts
 * @param {(action: () => Promise<void>) => Promise<void>} attempt runs an action, shows failures, redraws
 * @returns {HTMLElement}
 */
export function teamSettings(api, contacts, attempt) {
  const ids = contacts.map((c) => c.id);
  const move = (from, to) => attempt(async () => {
    const order = [...ids];
    order.splice(to, 0, ...order.splice(from, 1));
    await api.reorderContacts(order);
  });
  return el('fieldset', { class: 'choice care-team', id: 'care-team' },
    el('legend', { text: 'My care team' }),
    el('p', { class: 'hint', text: 'The people you would turn to: your GP, midwife, health visitor, therapist, partner or a friend. They are kept in your journal, encrypted with it, and shown first on the Help screen.' }),
    el('ul', { class: 'plain-list', id: 'contact-list' },
      ...contacts.map((c, i) => contactRow(api, c, attempt, i > 0 ? () => move(i, i - 1) : null))),
    contactForm('new', null, (input) => attempt(async () => { await api.addContact(input); })),
  );
}

/**
 * @param {typeof import('../api.js')} api
 * @param {import('../types.js').Contact} contact
 * @param {(action: () => Promise<void>) => Promise<void>} attempt
 * @param {(() => void)|null} moveUp
 */
function contactRow(api, contact, attempt, moveUp) {
  const row = el('li', { class: 'manage-row contact-row', 'data-contact': contact.id });
  const summary = () => [
    el('span', { class: 'contact-summary' },
      el('strong', { text: contact.name }), ` \u00b7 ${ROLE_NAMES[contact.role]}`, contact.phone ? ` \u00b7 ${contact.phone}` : ''),
    el('button', { type: 'button', class: 'button quiet small', text: 'Edit', 'aria-label': `Edit ${contact.name}`, onclick: edit }),
    moveUp ? el('button', { type: 'button', class: 'button quiet small', text: 'Move up', 'aria-label': `Move ${contact.name} up`, onclick: moveUp }) : null,
    el('button', { type: 'button', class: 'button quiet small', text: 'Remove', 'aria-label': `Remove ${contact.name}`, onclick: confirmRemove }),
  ];
  function edit() {
    row.replaceChildren(contactForm(String(contact.id), contact, (input) => attempt(async () => { await api.updateContact(contact.id, input); })));
    row.querySelector('input')?.focus();
  }
  function confirmRemove() {
    const yes = el('button', { type: 'button', class: 'button small', text: `Yes, remove ${contact.name}`, onclick: () => attempt(async () => { await api.removeContact(contact.id); }) });
    row.replaceChildren(el('span', { text: 'Remove this contact from your care team?' }), yes,
      el('button', { type: 'button', class: 'button quiet small', text: 'Keep', onclick: () => { row.replaceChildren(...summary()); } }));
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
  const role = /** @type {HTMLSelectElement} */ (el('select', { id: id('role') },
    ...Object.entries(ROLE_NAMES).map(([value, label]) => el('option', { value, selected: (contact?.role ?? 'gp') === value }, label))));
  const name = /** @type {HTMLInputElement} */ (el('input', { type: 'text', id: id('name'), maxlength: 80, value: contact?.name ?? '', required: true }));
  const phone = /** @type {HTMLInputElement} */ (el('input', { type: 'tel', id: id('phone'), maxlength: 40, value: contact?.phone ?? '', autocomplete: 'off' }));
  const notes = /** @type {HTMLTextAreaElement} */ (el('textarea', { id: id('notes'), maxlength: 2000, rows: 2 }));
  notes.value = contact?.notes ?? '';
  const form = el('form', { class: 'contact-form', id: id('form') },
    field('Who they are', role, id('role')),
    field('Name', name, id('name')),
    field('Phone (optional)', phone, id('phone')),
    field('Notes (optional), e.g. surgery hours', notes, id('notes')),
    el('button', { type: 'submit', class: 'button small', text: contact ? 'Save contact' : 'Add to my care team' }));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    save({ role: /** @type {import('../types.js').Role} */ (role.value), name: name.value, phone: phone.value, notes: notes.value });
  });
  return form;
}

/** @param {string} label @param {HTMLElement} control @param {string} id */
function field(label, control, id) {
  return el('label', { class: 'field', for: id }, el('span', { class: 'field-label', text: label }), control);
}
