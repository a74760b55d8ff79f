// @ts-check
// One way to run what a click asks for: a failure is shown calmly, and the screen is drawn
// again either way so it never shows a state that was not saved.

/**
 * @param {{show: (err: import('./api.js').AppError) => void}} notice
 * @param {(err: unknown) => import('./api.js').AppError} toAppError
 * @param {() => void} redraw
 * @returns {(action: () => Promise<unknown>) => Promise<void>}
 */
export function makeAttempt(notice, toAppError, redraw) {
  return async (action) => {
    try {
      await action();
    } catch (err) {
      notice.show(toAppError(err));
    }
    redraw();
  };
}

/**
 * Like `makeAttempt`, but draws the screen again only after a failure: for actions that open a
 * dialog over the screen and leave the screen itself unchanged.
 * @param {{show: (err: import('./api.js').AppError) => void}} notice
 * @param {(err: unknown) => import('./api.js').AppError} toAppError
 * @param {() => void} redraw
 * @returns {(action: () => Promise<unknown>) => Promise<void>}
 */
export function makeQuietAttempt(notice, toAppError, redraw) {
  return async (action) => {
    try {
      await action();
    } catch (err) {
      notice.show(toAppError(err));
      redraw();
    }
  };
}
