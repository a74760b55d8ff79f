// @ts-check
// The lock screen: the only thing shown while the journal is encrypted and closed.

import { el } from '../dom.js';

/**
 * @param {(secret: string) => Promise<void>} unlock resolves when the journal is open
 * @param {(err: unknown) => import('../api.js').AppError} toAppError
 * @returns {HTMLElement}
 */
export function lockView(unlock, toAppError) {
  const input = /** @type {HTMLInputElement} */ (
    el('input', {
      type: 'password',
      id: 'unlock-secret',
      autocomplete: 'current-password',
      required: true,
      'aria-describedby': 'unlock-help',
    })
  );
  const message = el('p', { class: 'lock-message', id: 'unlock-message', role: 'alert' });
  const button = /** @type {HTMLButtonElement} */ (
    el('button', { type: 'submit', class: 'button', id: 'unlock-button' }, 'Open my journal')
  );
  const form = el(
    'form',
    {
      class: 'lock-form',
      onsubmit: async (/** @type {Event} */ event) => {
        event.preventDefault();
        if (!input.value) return;
        button.disabled = true;
        message.textContent = 'Opening…';
        try {
          await unlock(input.value);
        } catch (err) {
          const problem = toAppError(err);
          message.textContent = problem.message;
          input.value = '';
          input.focus();
        }
        button.disabled = false;
      },
    },
    el(
      'label',
      { class: 'field', for: 'unlock-secret' },
      el('span', { class: 'field-label', text: 'Passphrase or recovery code' }),
    ),
    input,
    el('p', {
      class: 'hint',
      id: 'unlock-help',
      text: 'Your journal is encrypted on this computer. Only your passphrase, or the recovery code you wrote down, can open it.',
    }),
    button,
    message,
  );
  window.setTimeout(() => input.focus(), 0);
  return el(
    'section',
    { class: 'lock', 'aria-labelledby': 'lock-title' },
    el(
      'div',
      { class: 'lock-card card' },
      el('h1', { id: 'lock-title', text: 'Your journal is locked' }),
      form,
    ),
  );
}
