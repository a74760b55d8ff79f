// @ts-check
// A gentle, dismissible offer on Today to lock the journal with a passphrase.

import { el } from '../dom.js';

const DISMISSED = 'nestling.passphrase-offer';

/** Whether to show the offer: only for a plain journal, until the parent says "Not now". */
export function shouldOffer(encrypted, storage = localStorage) {
  return !encrypted && storage.getItem(DISMISSED) !== 'dismissed';
}

/** @returns {HTMLElement} */
export function passphraseOfferCard(storage = localStorage) {
  const card = el(
    'aside',
    { class: 'card offer', id: 'passphrase-offer', 'aria-labelledby': 'offer-title' },
    el('h2', { id: 'offer-title', text: 'Keep your journal private' }),
    el('p', {
      text: 'If others use this computer, you can lock your journal with a passphrase. It is optional, and you can do it any time in Settings.',
    }),
    el(
      'div',
      { class: 'manage-row' },
      el('a', { class: 'button quiet', href: '#settings', text: 'Set a passphrase' }),
      el(
        'button',
        {
          type: 'button',
          class: 'link-button',
          id: 'offer-dismiss',
          onclick: () => {
            storage.setItem(DISMISSED, 'dismissed');
            card.remove();
          },
        },
        'Not now',
      ),
    ),
  );
  return card;
}
