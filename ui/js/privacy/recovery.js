// @ts-check
// The recovery screens: the journal file could not be opened safely (it is never overwritten;
// the parent can set it aside and open the newest good backup instead), and the recovery code
// shown once after a passphrase is set or changed.

import { el } from '../dom.js';

/**
 * @param {import('../types.js').Recovery} recovery
 * @param {(name: string, secret: string|null) => void} restore
 * @returns {HTMLElement}
 */
export function recoveryView(recovery, restore) {
  const { problem, newestGood } = recovery;
  return el(
    'section',
    { class: 'problem recovery', id: 'recovery', 'aria-labelledby': 'recovery-title' },
    el('h1', { id: 'recovery-title', text: 'Your journal needs a little care' }),
    el('p', { id: 'recovery-reason', text: problem.message }),
    el('p', {
      text: 'Nothing will be deleted: if you restore a backup, the damaged file is first moved into a “damaged” folder beside your journal, so it can still be looked at later.',
    }),
    newestGood
      ? el(
          'div',
          { class: 'recovery-offer' },
          el('p', {
            id: 'recovery-backup',
            text: `The newest backup that reads correctly is from ${new Date(newestGood.createdAt).toLocaleString()}. Moments written after it are not in it.`,
          }),
          recovery.encrypted
            ? el(
                'label',
                { class: 'field' },
                el('span', { class: 'field-label', text: 'Your passphrase or recovery code' }),
                el('input', {
                  type: 'password',
                  id: 'recovery-secret',
                  autocomplete: 'current-password',
                }),
              )
            : null,
          el(
            'button',
            {
              type: 'button',
              class: 'button',
              id: 'recovery-restore',
              onclick: () => {
                const input = /** @type {HTMLInputElement|null} */ (
                  document.getElementById('recovery-secret')
                );
                restore(newestGood.name, input ? input.value : null);
              },
            },
            'Restore this backup',
          ),
        )
      : el('p', {
          id: 'recovery-none',
          text: 'There is no backup that reads correctly yet. Please keep the file as it is; closing Nestling changes nothing.',
        }),
  );
}

/**
 * The recovery code, shown once, until the parent says it is written down.
 * @param {string} code
 * @param {() => void} done
 */
export function recoveryCodeView(code, done) {
  return el(
    'section',
    {
      class: 'recovery-code card',
      role: 'dialog',
      'aria-labelledby': 'code-title',
      id: 'recovery-code',
    },
    el('h2', { id: 'code-title', text: 'Your recovery code' }),
    el('p', {
      text: 'Write this down on paper and keep it somewhere safe, away from this computer. It opens your journal if you forget your passphrase. It is shown only this once.',
    }),
    el('p', { class: 'code', id: 'recovery-code-text', text: code }),
    el(
      'button',
      { type: 'button', class: 'button', id: 'recovery-code-done', onclick: done },
      'I have written it down',
    ),
  );
}
