// @ts-check
// "Share with your partner's computer" in Settings: what sharing is, pairing step by step (a
// code shown here, or one typed from the other computer), and once paired the status, any
// trouble in plain words, the default for feelings, Sync now and Unpair. Pure: builds DOM from
// the status and the part's own state, and reports what the parent asks for through `intents`.

import { el } from '../dom.js';
import { codeGroups, partnerLabel, statusLines, troubleLines } from './model.js';

/**
 * Where pairing stands on this screen (kept by the controller, so a redraw loses nothing typed).
 * @typedef {{
 *   mode: 'idle'|'offer'|'typing',
 *   offer: import('../types.js').PairingOffer|null,
 *   code: string,
 *   phrase: string|null,
 *   name: string,
 *   folder: string|null,
 *   error: string|null,
 *   askingUnpair: boolean,
 *   busy: boolean,
 * }} PairingState
 * @typedef {{
 *   showCode: () => void,
 *   haveCode: () => void,
 *   typeCode: (code: string) => void,
 *   checkCode: () => void,
 *   typeName: (name: string) => void,
 *   chooseFolder: () => void,
 *   confirm: () => void,
 *   cancel: () => void,
 *   syncNow: () => void,
 *   askUnpair: () => void,
 *   keepSharing: () => void,
 *   unpair: () => void,
 *   shareByDefault: (on: boolean) => void,
 * }} SharingIntents
 */

/** A fresh pairing state: nothing begun. @returns {PairingState} */
export function idlePairing() {
  return {
    mode: 'idle',
    offer: null,
    code: '',
    phrase: null,
    name: '',
    folder: null,
    error: null,
    askingUnpair: false,
    busy: false,
  };
}

const EXPLAINED = [
  'Two computers can keep one journal of the care: the kind of moment, its times, the baby, who gave it, and running timers.',
  'Your notes, feeling words, tags and ratings stay here unless you tick \u201cShare how I felt\u201d on a moment, and private moments never leave this computer.',
  'Nothing goes to the internet: the computers only use a folder both can see, like a synced folder or a USB stick, and the files there are encrypted.',
  'What has been shared cannot be called back: unticking \u201cShare how I felt\u201d, making a moment private or deleting it later takes it off the other computer\u2019s screens, but an earlier copy stays inside their journal.',
];

/**
 * @param {import('../types.js').SharingStatus} status
 * @param {PairingState} pairing
 * @param {import('../types.js').Settings} settings
 * @param {SharingIntents} intents
 * @param {Date} now
 */
export function sharingSection(status, pairing, settings, intents, now) {
  return el(
    'section',
    { class: 'sharing', id: 'sharing', 'aria-labelledby': 'sharing-title' },
    el('h2', {
      id: 'sharing-title',
      tabindex: '-1',
      text: 'Share with your partner\u2019s computer',
    }),
    status.paired
      ? pairedPart(status, pairing, settings, intents, now)
      : unpairedPart(pairing, intents),
  );
}

/** @param {PairingState} pairing @param {SharingIntents} intents */
function unpairedPart(pairing, intents) {
  const explained = el(
    'div',
    { class: 'sharing-explained' },
    ...EXPLAINED.map((text) => el('p', { text })),
  );
  if (pairing.mode === 'offer') return el('div', {}, explained, offerCard(pairing, intents));
  if (pairing.mode === 'typing') return el('div', {}, explained, typingCard(pairing, intents));
  return el(
    'div',
    {},
    explained,
    el(
      'div',
      { class: 'card-actions' },
      el('button', {
        type: 'button',
        class: 'button',
        id: 'sharing-show-code',
        text: 'Show a pairing code',
        onclick: intents.showCode,
      }),
      el('button', {
        type: 'button',
        class: 'button quiet',
        id: 'sharing-have-code',
        text: 'I have a code',
        onclick: intents.haveCode,
      }),
    ),
    errorLine(pairing),
  );
}

/** The code to read out or type on the other computer. @param {PairingState} pairing @param {SharingIntents} intents */
function offerCard(pairing, intents) {
  const offer = /** @type {import('../types.js').PairingOffer} */ (pairing.offer);
  return el(
    'div',
    { class: 'card pairing-card' },
    el('h3', { text: 'Your pairing code' }),
    el('p', {
      text: 'On the other computer, open Settings, choose \u201cI have a code\u201d and type this code. Read it out or type it by hand; please don\u2019t send it in a message or put it in the shared folder.',
    }),
    el(
      'p',
      {
        class: 'pairing-code',
        id: 'pairing-code',
        tabindex: '-1',
        'aria-label': `Pairing code: ${codeGroups(offer.code).join(', ')}`,
      },
      ...codeGroups(offer.code).map((group) => el('span', { class: 'code-group', text: group })),
    ),
    phraseLine(offer.phrase, 'The other computer will show these three words:'),
    pairingFields(pairing, intents),
  );
}

/** Typing the code from the other computer, then the same words, name and folder. @param {PairingState} pairing @param {SharingIntents} intents */
function typingCard(pairing, intents) {
  const code = el('input', {
    type: 'text',
    id: 'sharing-code',
    value: pairing.code,
    autocomplete: 'off',
    spellcheck: 'false',
    autocapitalize: 'characters',
    class: 'code-input',
    oninput: (/** @type {Event} */ e) =>
      intents.typeCode(/** @type {HTMLInputElement} */ (e.target).value),
    onkeydown: (/** @type {KeyboardEvent} */ e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        intents.checkCode();
      }
    },
  });
  return el(
    'div',
    { class: 'card pairing-card' },
    el('h3', { text: 'Type the code from the other computer' }),
    el(
      'div',
      { class: 'field-row' },
      el(
        'label',
        { class: 'field code-field' },
        el('span', { class: 'field-label', text: 'Pairing code' }),
        code,
      ),
      el('button', {
        type: 'button',
        class: 'button quiet',
        id: 'sharing-check-code',
        text: 'Check the code',
        onclick: intents.checkCode,
      }),
    ),
    pairing.phrase ? phraseLine(pairing.phrase, 'Do you both see these words?') : null,
    pairing.phrase
      ? pairingFields(pairing, intents)
      : el('div', {}, errorLine(pairing), cancelButton(intents)),
  );
}

/** @param {string} phrase @param {string} lead */
function phraseLine(phrase, lead) {
  return el(
    'div',
    { class: 'phrase-block' },
    el('p', { class: 'phrase-lead', text: lead }),
    el('p', { class: 'check-phrase', id: 'check-phrase', text: phrase }),
    el('p', {
      class: 'hint',
      text: 'If the words are different, the code was mistyped: cancel and start again.',
    }),
  );
}

/** The name the partner sees, the shared folder, and Confirm. @param {PairingState} pairing @param {SharingIntents} intents */
function pairingFields(pairing, intents) {
  return el(
    'div',
    { class: 'pairing-fields' },
    el(
      'label',
      { class: 'field' },
      el('span', { class: 'field-label', text: 'Name your partner will see' }),
      el('input', {
        type: 'text',
        id: 'sharing-name',
        maxlength: 60,
        value: pairing.name,
        autocomplete: 'off',
        oninput: (/** @type {Event} */ e) =>
          intents.typeName(/** @type {HTMLInputElement} */ (e.target).value),
      }),
    ),
    el(
      'div',
      { class: 'folder-choice' },
      el('span', { class: 'field-label', text: 'The folder both computers can see' }),
      el('p', {
        class: pairing.folder ? 'folder-path' : 'hint',
        id: 'sharing-folder',
        text: pairing.folder ?? 'No folder chosen yet.',
      }),
      el('button', {
        type: 'button',
        class: 'button quiet small',
        id: 'sharing-choose-folder',
        text: pairing.folder ? 'Choose another folder\u2026' : 'Choose the folder\u2026',
        onclick: intents.chooseFolder,
      }),
    ),
    errorLine(pairing),
    el(
      'div',
      { class: 'card-actions' },
      el('button', {
        type: 'button',
        class: 'button',
        id: 'sharing-confirm',
        text: 'Confirm',
        disabled: pairing.busy,
        onclick: intents.confirm,
      }),
      cancelButton(intents),
    ),
  );
}

/** @param {SharingIntents} intents */
function cancelButton(intents) {
  return el('button', {
    type: 'button',
    class: 'button quiet',
    id: 'sharing-cancel',
    text: 'Cancel',
    onclick: intents.cancel,
  });
}

/** @param {PairingState} pairing */
function errorLine(pairing) {
  return el('p', {
    class: 'editor-error',
    id: 'sharing-error',
    role: 'alert',
    hidden: !pairing.error,
    text: pairing.error ?? '',
  });
}

/**
 * @param {import('../types.js').SharingStatus} status
 * @param {PairingState} pairing
 * @param {import('../types.js').Settings} settings
 * @param {SharingIntents} intents
 * @param {Date} now
 */
function pairedPart(status, pairing, settings, intents, now) {
  const troubles = troubleLines(status);
  return el(
    'div',
    { class: 'sharing-paired' },
    el(
      'div',
      { class: 'sharing-status', id: 'sharing-status', role: 'status' },
      ...statusLines(status, now).map(({ id, text }) => el('p', { id, text })),
    ),
    troubles.length
      ? el(
          'div',
          { class: 'sharing-trouble', id: 'sharing-trouble' },
          ...troubles.map(({ id, text }) => el('p', { id, text })),
        )
      : null,
    el(
      'label',
      { class: 'check' },
      el('input', {
        type: 'checkbox',
        id: 'sharing-feelings-default',
        checked: settings.shareFeelingsByDefault,
        onchange: (/** @type {Event} */ e) =>
          intents.shareByDefault(/** @type {HTMLInputElement} */ (e.target).checked),
      }),
      'Share my feelings by default',
    ),
    el('p', {
      class: 'hint',
      text: `When this is ticked, new moments you log share how you felt with ${partnerLabel(status)}; you can still change that on any moment. What has been shared stays on the other computer.`,
    }),
    errorLine(pairing),
    pairing.askingUnpair
      ? unpairQuestion(status, intents)
      : el(
          'div',
          { class: 'card-actions' },
          el('button', {
            type: 'button',
            class: 'button quiet',
            id: 'sharing-sync-now',
            text: 'Sync now',
            disabled: pairing.busy,
            onclick: intents.syncNow,
          }),
          el('button', {
            type: 'button',
            class: 'button quiet danger',
            id: 'sharing-unpair',
            text: 'Unpair',
            onclick: intents.askUnpair,
          }),
        ),
  );
}

/** @param {import('../types.js').SharingStatus} status @param {SharingIntents} intents */
function unpairQuestion(status, intents) {
  return el(
    'div',
    {
      class: 'card unpair-question',
      id: 'unpair-question',
      role: 'group',
      'aria-labelledby': 'unpair-text',
    },
    el('p', {
      id: 'unpair-text',
      text: `Stop sharing with ${partnerLabel(status)}? Every moment stays on both computers. What you log afterwards stays on this one.`,
    }),
    el(
      'div',
      { class: 'card-actions' },
      el('button', {
        type: 'button',
        class: 'button',
        id: 'sharing-unpair-yes',
        text: 'Unpair',
        onclick: intents.unpair,
      }),
      el('button', {
        type: 'button',
        class: 'button quiet',
        id: 'sharing-unpair-no',
        text: 'Keep sharing',
        onclick: intents.keepSharing,
      }),
    ),
  );
}
