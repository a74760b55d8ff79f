// @ts-check
// Settings for the journal: babies (add, rename, archive) and kinds (add and rename your own, hide).

import { el } from '../dom.js';

/**
 * @param {typeof import('../api.js')} api
 * @param {import('./catalog.js').Catalog} catalog
 * @param {(action: () => Promise<void>) => Promise<void>} attempt runs an action, shows failures, redraws
 */
export function manageView(api, catalog, attempt) {
  return el('div', { class: 'manage' }, babiesSection(api, catalog, attempt), kindsSection(api, catalog, attempt));
}

function babiesSection(api, catalog, attempt) {
  const name = el('input', { type: 'text', id: 'baby-name', maxlength: 60, placeholder: 'Name or nickname', 'aria-label': 'Baby\u2019s name or nickname' });
  const born = el('input', { type: 'date', id: 'baby-born', 'aria-label': 'Date of birth (optional)' });
  const form = el('form', { class: 'inline-form', id: 'add-baby' }, name, born,
    el('button', { type: 'submit', class: 'button small', text: 'Add baby' }));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    attempt(async () => {
      await api.addBaby({ name: name.value, birthDate: born.value || null });
      await catalog.load();
    });
  });
  return el('fieldset', { class: 'choice' },
    el('legend', { text: 'Babies' }),
    el('p', { class: 'hint', text: 'Optional. Naming a baby lets you log for each of them, twins included.' }),
    el('ul', { class: 'plain-list', id: 'baby-list' }, ...catalog.data.babies.map((b) => babyRow(api, catalog, attempt, b))),
    form);
}

function babyRow(api, catalog, attempt, baby) {
  const rename = el('input', { type: 'text', value: baby.name, maxlength: 60, 'aria-label': `New name for ${baby.name}` });
  const save = () => attempt(async () => {
    await api.updateBaby(baby.id, { name: rename.value, birthDate: baby.birthDate });
    await catalog.load();
  });
  return el('li', { class: 'manage-row' }, rename,
    el('button', { type: 'button', class: 'button quiet small', onclick: save, text: 'Rename' }),
    baby.archived
      ? el('span', { class: 'hint', text: 'Archived' })
      : el('button', { type: 'button', class: 'button quiet small', text: 'Archive', onclick: () => attempt(async () => { await api.archiveBaby(baby.id); await catalog.load(); }) }));
}

function kindsSection(api, catalog, attempt) {
  const name = el('input', { type: 'text', id: 'kind-name', maxlength: 40, placeholder: 'e.g. Baby massage', 'aria-label': 'Name of your own kind of moment' });
  const emoji = el('input', { type: 'text', id: 'kind-emoji', maxlength: 16, value: '✨', 'aria-label': 'Emoji or symbol', size: 4 });
  const timed = el('input', { type: 'checkbox', id: 'kind-timed' });
  const form = el('form', { class: 'inline-form', id: 'add-kind' }, name, emoji,
    el('label', { class: 'check' }, timed, 'Timed'),
    el('button', { type: 'submit', class: 'button small', text: 'Add kind' }));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    attempt(async () => {
      await api.addKind({ name: name.value, emoji: emoji.value, timed: /** @type {HTMLInputElement} */ (timed).checked });
      await catalog.load();
    });
  });
  return el('fieldset', { class: 'choice' },
    el('legend', { text: 'Kinds of moment' }),
    el('p', { class: 'hint', text: 'Hide the ones you never use. Hidden kinds keep every moment logged with them.' }),
    el('ul', { class: 'plain-list', id: 'kind-list' }, ...catalog.data.kinds.map((k) => kindRow(api, catalog, attempt, k))),
    form);
}

/** Built-in kinds keep their names; the parent's own can be renamed, as babies can. */
function kindRow(api, catalog, attempt, kind) {
  const hide = el('button', {
    type: 'button', class: 'button quiet small', text: kind.hidden ? 'Show' : 'Hide',
    onclick: () => attempt(async () => { await api.setKindHidden(kind.id, !kind.hidden); await catalog.load(); }),
  });
  if (kind.builtIn) return el('li', { class: 'manage-row' }, el('span', { text: `${kind.emoji} ${kind.name}` }), hide);
  const rename = el('input', { type: 'text', value: kind.name, maxlength: 40, 'aria-label': `New name for ${kind.name}` });
  const save = () => attempt(async () => {
    await api.updateKind(kind.id, { name: rename.value, emoji: kind.emoji, timed: kind.timed });
    await catalog.load();
  });
  return el('li', { class: 'manage-row' }, el('span', { text: kind.emoji }), rename,
    el('button', { type: 'button', class: 'button quiet small', onclick: save, text: 'Rename' }), hide);
}
