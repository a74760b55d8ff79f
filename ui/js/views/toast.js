// @ts-check
// A quiet status line at the bottom of the window, with at most one action (such as Undo).

import { el } from '../dom.js';

/** How long a toast stays, in milliseconds. */
const LIFETIME = 8000;

/**
 * @param {HTMLElement} root the #toast element (role="status")
 */
export function createToast(root) {
  let timer = 0;
  function hide() {
    clearTimeout(timer);
    root.hidden = true;
    root.replaceChildren();
  }
  return {
    /**
     * @param {string} message
     * @param {{label: string, run: () => void}} [action]
     */
    show(message, action) {
      clearTimeout(timer);
      const children = [el('span', { class: 'toast-text', text: message })];
      if (action) {
        children.push(
          el('button', {
            type: 'button',
            class: 'toast-action',
            text: action.label,
            onclick: () => {
              hide();
              action.run();
            },
          }),
        );
      }
      root.replaceChildren(...children);
      root.hidden = false;
      timer = window.setTimeout(hide, LIFETIME);
    },
    hide,
  };
}
