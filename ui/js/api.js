// The only module that talks to Rust. One function per command; every failure becomes an
// AppError with the `kind` the UI branches on and the `message` it shows.

/** A failure reported by Nestling's Rust side. */
export class AppError extends Error {
  /**
   * @param {string} kind stable code, e.g. "invalid_input" or "too_new"
   * @param {string} message readable sentence to show as it is
   */
  constructor(kind, message) {
    super(message);
    this.kind = kind;
  }
}

/**
 * @param {string} command
 * @param {Record<string, unknown>} [args]
 */
async function call(command, args) {
  try {
    return await window.__TAURI__.core.invoke(command, args);
  } catch (err) {
    throw toAppError(err);
  }
}

/** @param {unknown} err */
export function toAppError(err) {
  if (err && typeof err === 'object' && 'kind' in err && 'message' in err) {
    return new AppError(String(err.kind), String(err.message));
  }
  return new AppError('internal', 'Nestling could not complete that. Nothing you saved has been changed.');
}

/**
 * @typedef {{theme: 'system'|'light'|'dark'|'night', text_size: 'small'|'medium'|'large'|'larger'}} Settings
 * @typedef {{appVersion: string, schemaVersion: number, dataDir: string, settings: Settings}} Home
 */

/** @returns {Promise<Home>} */
export const getHome = () => call('get_home');

/** @returns {Promise<Settings>} */
export const getSettings = () => call('get_settings');

/**
 * @param {string} key
 * @param {string} value
 * @returns {Promise<Settings>}
 */
export const setSetting = (key, value) => call('set_setting', { key, value });
