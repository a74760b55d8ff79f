// @ts-check
// Application state with no DOM: the current view, the home data and the settings.

/** @typedef {import('./types.js').Home} Home */
/** @typedef {import('./types.js').Settings} Settings */

/** The views a person can be on when no other list is given; anything else falls back to home. */
export const VIEWS = [
  'home',
  'journal',
  'trash',
  'library',
  'article',
  'export',
  'settings',
  'help',
];

/** The parts of the Help screen a route can open at: #help/now, #help/soon, #help/support. */
const HELP_TIERS = ['now', 'soon', 'support'];

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
  if (name === 'help') return { view: 'help', param: HELP_TIERS.includes(param) ? param : '' };
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
