// @ts-check
// The Privacy and safety part of Settings: the passphrase, locking, backups, and the parent's
// data. Pure: builds DOM and reports what the parent asks for through `intents`; the privacy
// controller (controller.js) talks to Rust.

import { el } from '../dom.js';
import { restorePart } from './restore.js';

/**
 * What the parent can ask for here. Those a form waits for throw, and the form shows the error
 * inside it; the others show their own failures.
 * @typedef {{
 *   setPassphrase: (passphrase: string) => Promise<void>,
 *   startAgain: (passphrase: string) => Promise<void>,
 *   changePassphrase: (current: string, next: string) => Promise<void>,
 *   removePassphrase: (current: string) => Promise<void>,
 *   newRecoveryCode: (current: string) => Promise<void>,
 *   removePlainSetAsides: () => Promise<void>,
 *   backupNow: () => Promise<void>,
 *   restoreBackup: (name: string, secret: string|null, when: string) => Promise<void>,
 *   exportEverything: () => Promise<void>,
 *   erase: (words: string) => Promise<void>,
 *   lockNow: () => void,
 *   change: (key: string, value: string) => Promise<void>,
 *   restore: import('./restore.js').RestoreIntents,
 * }} PrivacyIntents
 */

const LOCK_AFTER = [
  ['1', '1 minute'],
  ['5', '5 minutes'],
  ['15', '15 minutes'],
  ['30', '30 minutes'],
  ['60', '1 hour'],
  ['never', 'Never'],
];
const KEEP = [
  ['3', '3'],
  ['7', '7'],
  ['14', '14'],
  ['30', '30'],
];
export const ERASE_WORDS = 'delete everything';

/**
 * @param {PrivacyIntents} intents
 * @param {import('../types.js').Privacy} privacy
 * @param {import('../types.js').Settings} settings
 */
export function privacySection(intents, privacy, settings) {
  return el(
    'section',
    { class: 'privacy', 'aria-labelledby': 'privacy-title' },
    el('h2', { id: 'privacy-title', text: 'Privacy and safety' }),
    privacy.encrypted && privacy.recoveryCodeUnseen ? unseenCodePart(intents) : null,
    privacy.encrypted ? lockedControls(intents, settings) : setPassphraseCard(intents),
    privacy.encrypted && privacy.plainSetAsides > 0
      ? plainSetAsidesPart(intents, privacy.plainSetAsides)
      : null,
    backupsPart(intents, privacy, settings),
    dataPart(intents),
  );
}

/** A labelled password input. */
function secretField(label, id, autocomplete = 'new-password') {
  return el(
    'label',
    { class: 'field' },
    el('span', { class: 'field-label', text: label }),
    el('input', { type: 'password', id, name: id, autocomplete, required: true }),
  );
}

/** @param {HTMLFormElement} form @param {string} name */
const valueOf = (form, name) =>
  /** @type {HTMLInputElement} */ (form.elements.namedItem(name)).value;

/**
 * A form whose submit runs `action` with the form; a thrown error shows inside the form.
 * @param {string} id
 * @param {(form: HTMLFormElement) => Promise<void>} action
 * @param {...(Node|null)} children
 */
function secretForm(id, action, ...children) {
  const error = el('p', { class: 'editor-error', role: 'alert', hidden: true });
  const form = /** @type {HTMLFormElement} */ (
    el(
      'form',
      {
        class: 'editor-form privacy-form',
        id,
        onsubmit: async (/** @type {Event} */ event) => {
          event.preventDefault();
          error.hidden = true;
          try {
            await action(form);
          } catch (err) {
            error.textContent = /** @type {Error} */ (err).message;
            error.hidden = false;
          }
        },
      },
      ...children,
      error,
    )
  );
  return form;
}

/** The card that encrypts a plain journal. @param {PrivacyIntents} intents */
function setPassphraseCard(intents) {
  const form = secretForm(
    'passphrase-form',
    async (f) => {
      if (valueOf(f, 'passphrase-new') !== valueOf(f, 'passphrase-repeat'))
        throw new Error('The two passphrases are not the same. Please type them again.');
      try {
        await intents.setPassphrase(valueOf(f, 'passphrase-new'));
      } catch (err) {
        if (
          /** @type {{kind?: string}} */ (err).kind === 'unfinished_passphrase' &&
          !f.querySelector('#start-again')
        )
          f.append(startAgainPart(intents, f));
        throw err;
      }
    },
    el('p', {
      text: 'A passphrase encrypts your journal on this computer, so no one else who uses it can read what you wrote. Nestling will ask for it when it opens, and after you have been away for a while.',
    }),
    el('p', {
      class: 'warning-plain',
      id: 'no-back-door',
      text: 'There is no back door. If you forget your passphrase and lose your recovery code, nobody can open your journal again — not you, not us. You will get a recovery code to write down.',
    }),
    el(
      'div',
      { class: 'field-row' },
      secretField('New passphrase (8 characters or more)', 'passphrase-new'),
      secretField('The same again', 'passphrase-repeat'),
    ),
    el(
      'label',
      { class: 'check' },
      el('input', { type: 'checkbox', id: 'passphrase-understood', required: true }),
      'I understand there is no way back in without it.',
    ),
    el(
      'div',
      {},
      el('button', { type: 'submit', class: 'button', id: 'passphrase-set' }, 'Encrypt my journal'),
    ),
  );
  return el('div', { class: 'card' }, el('h3', { text: 'Lock with a passphrase' }), form);
}

/**
 * The way out of an interrupted attempt whose passphrase is forgotten: give it up, then set the
 * passphrase typed in `form`.
 * @param {PrivacyIntents} intents @param {HTMLFormElement} form
 */
function startAgainPart(intents, form) {
  const startAgain = () => intents.startAgain(valueOf(form, 'passphrase-new'));
  return el(
    'div',
    { class: 'start-again', id: 'start-again' },
    el('p', {
      id: 'start-again-text',
      text: 'If you no longer know the passphrase you typed then, you can start again with this one. Your journal stays exactly as it is, and a fresh backup of it is made first. Older backups that were already locked with the forgotten passphrase cannot be opened by anyone, so they are removed.',
    }),
    el(
      'div',
      {},
      el(
        'button',
        { type: 'button', class: 'button', id: 'start-again-button', onclick: startAgain },
        'Start again with a new passphrase',
      ),
    ),
  );
}

/** @param {PrivacyIntents} intents @param {import('../types.js').Settings} settings */
function lockedControls(intents, settings) {
  const change = secretForm(
    'passphrase-change-form',
    async (f) => {
      if (valueOf(f, 'change-new') !== valueOf(f, 'change-repeat'))
        throw new Error('The two new passphrases are not the same. Please type them again.');
      await intents.changePassphrase(valueOf(f, 'change-current'), valueOf(f, 'change-new'));
      f.reset();
    },
    el('p', {
      class: 'hint',
      text: 'Your journal and its backups are locked again with a new key, and you get a new recovery code to write down; the old code stops working. If you have forgotten the passphrase, type your recovery code as the current one.',
    }),
    el(
      'div',
      { class: 'field-row' },
      secretField('Current passphrase or recovery code', 'change-current', 'current-password'),
      secretField('New passphrase', 'change-new'),
      secretField('The same again', 'change-repeat'),
    ),
    el('div', {}, el('button', { type: 'submit', class: 'button' }, 'Change passphrase')),
  );
  const code = newCodeForm(intents, '');
  const remove = secretForm(
    'passphrase-remove-form',
    async (f) => {
      await intents.removePassphrase(valueOf(f, 'remove-current'));
    },
    el('p', {
      class: 'hint',
      text: 'Your journal and its backups will be stored without encryption.',
    }),
    secretField('Current passphrase', 'remove-current', 'current-password'),
    el('div', {}, el('button', { type: 'submit', class: 'button' }, 'Remove the passphrase')),
  );
  return el(
    'div',
    { class: 'card' },
    el('h3', { text: 'Your journal is encrypted' }),
    el(
      'div',
      { class: 'manage-row' },
      el(
        'button',
        { type: 'button', class: 'button', id: 'lock-now', onclick: () => intents.lockNow() },
        'Lock now',
      ),
      el('span', { class: 'hint', text: 'Shortcut: Ctrl+L' }),
    ),
    radios(
      'lockAfterMinutes',
      'Lock after I have been away for',
      LOCK_AFTER,
      String(settings.lockAfterMinutes ?? 'never'),
      intents.change,
    ),
    el('details', {}, el('summary', { text: 'Change the passphrase' }), change),
    el('details', {}, el('summary', { text: 'Make a new recovery code' }), code),
    el('details', {}, el('summary', { text: 'Remove the passphrase' }), remove),
  );
}

/**
 * The form that makes a new recovery code; `prefix` keeps its ids apart when it shows twice.
 * @param {PrivacyIntents} intents @param {string} prefix
 */
function newCodeForm(intents, prefix) {
  return secretForm(
    `${prefix}recovery-code-form`,
    async (f) => {
      await intents.newRecoveryCode(valueOf(f, `${prefix}code-current`));
    },
    el('p', {
      class: 'hint',
      text: 'A new recovery code replaces the old one, which stops working. Your journal and its backups are locked again with a new key; your passphrase stays the same.',
    }),
    secretField('Current passphrase', `${prefix}code-current`, 'current-password'),
    el('div', {}, el('button', { type: 'submit', class: 'button' }, 'Make a new recovery code')),
  );
}

/**
 * A passphrase change that was interrupted sealed a recovery code nobody saw: offer a new one.
 * @param {PrivacyIntents} intents
 */
function unseenCodePart(intents) {
  return el(
    'div',
    { class: 'card', id: 'unseen-code' },
    el('h3', { text: 'One step left' }),
    el('p', {
      id: 'unseen-code-text',
      text: 'Your last passphrase change was interrupted; make a new recovery code to finish it. Your journal is safe and opens with your passphrase.',
    }),
    newCodeForm(intents, 'unseen-'),
  );
}

/**
 * Journals once set aside as damaged stay unencrypted (a damaged file cannot be converted):
 * say so, and remove them only when the parent asks.
 * @param {PrivacyIntents} intents @param {number} count
 */
function plainSetAsidesPart(intents, count) {
  const copies =
    count === 1 ? 'One copy of your journal that was' : `${count} copies of your journal that were`;
  const remove = secretForm(
    'set-aside-form',
    () => intents.removePlainSetAsides(),
    el('p', {
      id: 'set-aside-text',
      text: `${copies} set aside as damaged ${count === 1 ? 'is' : 'are'} still stored without encryption, in the “damaged” folder beside your journal. A damaged file cannot be encrypted. If your journal opens and holds what you need, you can remove ${count === 1 ? 'it' : 'them'}.`,
    }),
    el(
      'div',
      {},
      el(
        'button',
        { type: 'submit', class: 'button', id: 'set-aside-remove' },
        count === 1 ? 'Remove the unencrypted copy' : 'Remove the unencrypted copies',
      ),
    ),
  );
  return el('div', { class: 'card' }, el('h3', { text: 'Unencrypted copies' }), remove);
}

/** @param {PrivacyIntents} intents @param {import('../types.js').Privacy} privacy @param {import('../types.js').Settings} settings */
function backupsPart(intents, privacy, settings) {
  const { backups, encrypted } = privacy;
  return el(
    'div',
    { class: 'card' },
    el('h3', { text: 'Backups' }),
    el('p', {
      class: 'hint',
      text: 'Nestling keeps a copy of your journal every day, and before every big change, in a “backups” folder beside it. They are encrypted whenever your journal is.',
    }),
    backups.length === 0
      ? el('p', { class: 'empty', text: 'No backups yet.' })
      : el(
          'ul',
          { class: 'plain-list', id: 'backup-list' },
          ...backups.map((b) => backupRow(intents, b, encrypted)),
        ),
    el(
      'div',
      { class: 'manage-row' },
      el(
        'button',
        { type: 'button', class: 'button', id: 'backup-now', onclick: () => intents.backupNow() },
        'Back up now',
      ),
    ),
    radios(
      'backupsToKeep',
      'Backups to keep',
      KEEP,
      String(settings.backupsToKeep),
      intents.change,
    ),
  );
}

/**
 * One backup with its Restore button; an encrypted journal, or an encrypted backup (even while
 * the journal is plain), asks for the passphrase first.
 * @param {PrivacyIntents} intents @param {import('../types.js').BackupInfo} b @param {boolean} journalEncrypted
 */
function backupRow(intents, b, journalEncrypted) {
  const encrypted = journalEncrypted || b.encrypted;
  const when = new Date(b.createdAt).toLocaleString();
  const restore = (/** @type {string|null} */ secret) =>
    intents.restoreBackup(b.name, secret, when);
  const row = el(
    'li',
    { class: 'manage-row backup-row', 'data-backup': b.name },
    el('span', {
      class: 'backup-when',
      text: `${when} · ${REASONS[b.reason] ?? b.reason} · ${Math.max(1, Math.round(b.bytes / 1024))} KB`,
    }),
  );
  const ask = secretForm(
    `restore-${b.name}`,
    async (f) => restore(encrypted ? valueOf(f, 'restore-secret') : null),
    el('p', {
      text: `Replace your journal with this backup from ${when}? Your journal as it is now is backed up first, so this can be undone.`,
    }),
    encrypted
      ? secretField(
          journalEncrypted
            ? 'Your passphrase, to restore'
            : 'The passphrase this backup was made with',
          'restore-secret',
          'current-password',
        )
      : null,
    el(
      'div',
      {},
      el('button', { type: 'submit', class: 'button confirm-restore' }, 'Yes, restore this backup'),
    ),
  );
  row.append(
    el(
      'button',
      {
        type: 'button',
        class: 'button restore-backup',
        onclick: (/** @type {Event} */ e) => {
          /** @type {HTMLButtonElement} */ (e.currentTarget).disabled = true;
          row.append(ask);
        },
      },
      'Restore',
    ),
  );
  return row;
}

const REASONS = /** @type {Record<string, string>} */ ({
  daily: 'daily',
  migration: 'before an update',
  passphrase: 'before a passphrase change',
  restore: 'before a restore',
  manual: 'made by you',
});

/** @param {PrivacyIntents} intents */
function dataPart(intents) {
  const erase = secretForm(
    'erase-form',
    async (f) => {
      const words = valueOf(f, 'erase-confirm');
      if (words.trim().toLowerCase() !== ERASE_WORDS)
        throw new Error(`Please type “${ERASE_WORDS}” to confirm.`);
      await intents.erase(words);
    },
    el('p', {
      text: 'This removes your journal, its key, every backup and what this window remembers from this computer. It cannot be undone. Export everything first if you may want it back.',
    }),
    el(
      'label',
      { class: 'field' },
      el('span', { class: 'field-label', text: `Type “${ERASE_WORDS}” to confirm` }),
      el('input', {
        type: 'text',
        id: 'erase-confirm',
        name: 'erase-confirm',
        autocomplete: 'off',
        required: true,
      }),
    ),
    el(
      'div',
      {},
      el(
        'button',
        { type: 'submit', class: 'button danger', id: 'erase-button' },
        'Delete everything',
      ),
    ),
  );
  return el(
    'div',
    { class: 'card' },
    el('h3', { text: 'Your data' }),
    el(
      'div',
      { class: 'manage-row' },
      el(
        'button',
        {
          type: 'button',
          class: 'button',
          id: 'export-everything',
          onclick: () => intents.exportEverything(),
        },
        'Export everything (JSON)',
      ),
    ),
    restorePart(intents.restore),
    el('details', {}, el('summary', { text: 'Delete everything' }), erase),
  );
}

/**
 * @param {string} key @param {string} legend @param {string[][]} options @param {string} current
 * @param {(key: string, value: string) => void} onChange
 */
function radios(key, legend, options, current, onChange) {
  return el(
    'fieldset',
    { class: 'choice' },
    el('legend', { text: legend }),
    el(
      'div',
      { class: 'choice-row' },
      ...options.map(([value, label]) =>
        el(
          'label',
          {},
          el('input', {
            type: 'radio',
            name: key,
            value,
            checked: value === current,
            onchange: () => onChange(key, value),
          }),
          label,
        ),
      ),
    ),
  );
}
