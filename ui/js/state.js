// @ts-check
// Application state with no DOM: the current view, the home data and the settings.

/** @typedef {import('./types.js').Home} Home */
/** @typedef {import('./types.js').Settings} Settings */

/** The views a person can be on when no other list is given; anything else falls back to home. */
export const VIEWS = [
  'home',
  'journal',
  'trash',
  'patterns',
  'library',
  'article',
  'export',
  'settings',
  'help',
];

/** The parts of the Help screen a route can open at: #help/now, #help/soon, #help/support. */
const HELP_TIERS = ['now', 'soon', 'support'];

/** A span of days the Journal can open on: "#journal/2026-10-05..2026-10-11". */
const DAY_SPAN = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/;

/**
 * The first and last day of a span in a Journal address, or null when it is not one: both
 * real calendar days, the first not after the last.
 * @param {string} param
 * @returns {{from: string, to: string}|null}
 */
export function daySpan(param) {
  const found = DAY_SPAN.exec(param);
  if (!found) return null;
  const [, from, to] = found;
  const real = (/** @type {string} */ day) => {
    const date = new Date(`${day}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
  };
  return real(from) && real(to) && from <= to ? { from, to } : null;
}

/** @param {string} hash */
export function viewFromHash(hash) {
  return routeFromHash(hash).view;
}

/**
 * The view and its parameter: "#article/skin-to-skin-contact" is the article view of that slug.
 * @param {string} hash
 * @param {readonly string[]} [views] the names a view can have (the app passes its screen table's)
 * @returns {{view: string, param: string}}
 */
export function routeFromHash(hash, views = VIEWS) {
  const [name, ...rest] = hash.replace(/^#/, '').split('/');
  const param = decodeURIComponent(rest.join('/'));
  if (name === 'article' && /^[a-z0-9-]{1,80}$/.test(param)) return { view: 'article', param };
  if (name === 'journal' && views.includes('journal'))
    return { view: 'journal', param: daySpan(param) ? param : '' };
  if (name === 'help') return { view: 'help', param: HELP_TIERS.includes(param) ? param : '' };
  if (name === 'settings' && views.includes('settings'))
    return { view: 'settings', param: param === 'sharing' ? param : '' };
  return { view: views.includes(name) && name !== 'article' ? name : 'home', param: '' };
}

export function createState() {
  /**
   * @type {{view: string, home: Home|null, settings: Settings|null, problem: import('./api.js').AppError|null,
   *   locked: boolean, recovery: import('./types.js').Recovery|null, recoveryCode: string|null}}
   */
  const data = {
    view: 'home',
    home: null,
    settings: null,
    problem: null,
    locked: false,
    recovery: null,
    recoveryCode: null,
  };
  /** @type {Set<() => void>} */
  const listeners = new Set();
  return {
    get: () => data,
    /** @param {Partial<typeof data>} patch */
    update(patch) {
      Object.assign(data, patch);
      listeners.forEach((fn) => fn());
    },
    /** @param {() => void} fn */
    subscribe(fn) {
      listeners.add(fn);
    },
  };
}
