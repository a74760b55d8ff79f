// @ts-check
// A calm, dismissible message under the app bar for errors that do not stop the app.

/**
 * @param {HTMLElement} root the #notice element
 */
export function createNotice(root) {
  const text = /** @type {HTMLElement} */ (root.querySelector('.notice-text'));
  const close = /** @type {HTMLElement} */ (root.querySelector('.notice-close'));
  close.addEventListener('click', () => hide());
  function hide() {
    root.hidden = true;
    text.textContent = '';
  }
  return {
    /** @param {import('../api.js').AppError} err */
    show(err) {
      text.textContent = err.message;
      root.dataset.kind = err.kind;
      root.hidden = false;
    },
    hide,
  };
}
