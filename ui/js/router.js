// @ts-check
// The router: which screen is shown, the navigation link that marks it, and the keyboard
// shortcuts that move between screens. Screens come from one table; each draws itself through
// its feature's controller, and the router only puts the result in <main>.

import { keepOpenSections, replace } from './dom.js';
import { WAITING } from './privacy/session.js';

/**
 * One screen of the table. `nav` is the navigation link it belongs to; an `anyTime` screen
 * shows even while the journal is locked or on the recovery screen; `key` handles a plain
 * key pressed on it and says whether it did.
 * @typedef {{nav: string, draw: (param: string) => Promise<Node>|Node, anyTime?: boolean,
 *   key?: (key: string) => boolean}} Screen
 * @typedef {Record<string, Screen>} Screens
 */

/**
 * @param {{
 *   screens: Screens,
 *   state: ReturnType<typeof import('./state.js').createState>,
 *   routeFromHash: (hash: string) => {view: string, param: string},
 *   main: HTMLElement,
 *   notice: ReturnType<typeof import('./views/notice.js').createNotice>,
 *   toAppError: (err: unknown) => import('./api.js').AppError,
 *   gate: () => HTMLElement|typeof WAITING|null,
 *   lockNow: () => void,
 *   dialogOpen: () => boolean,
 * }} deps `gate` is the screen that stands in front of the others while the journal is not open
 */
export function createRouter({
  screens,
  state,
  routeFromHash,
  main,
  notice,
  toAppError,
  gate,
  lockNow,
  dialogOpen,
}) {
  let drawing = 0;
  /** The screen and parameter now in <main>, so a redraw of the same screen keeps its open sections. */
  let onScreen = '';

  /** The current screen: the one the state names, or home when the table has no such screen. */
  const current = () => screens[state.get().view] ?? screens.home;

  /** Builds the current screen; a newer draw started meanwhile wins. */
  async function render() {
    const ticket = ++drawing;
    const screen = current();
    const view = state.get().view;
    markNav(screen.nav);
    const inFront = screen.anyTime ? null : gate();
    if (inFront === WAITING) return;
    if (inFront) {
      onScreen = '';
      return replace(main, inFront);
    }
    try {
      const param = routeFromHash(location.hash).param;
      const node = await screen.draw(param);
      if (ticket !== drawing) return;
      const drawn = `${view}/${param}`;
      if (drawn === onScreen && (node instanceof Element || node instanceof DocumentFragment))
        keepOpenSections(main, node);
      onScreen = drawn;
      replace(main, node);
    } catch (err) {
      notice.show(toAppError(err));
    }
  }

  /** @param {KeyboardEvent} event */
  function onKey(event) {
    if (event.key === 'F1') return handled(event, openHelp);
    if (event.ctrlKey && !event.altKey && event.key.toLowerCase() === 'l')
      return handled(event, lockNow);
    if (event.ctrlKey || event.metaKey || event.altKey || dialogOpen()) return;
    const target = /** @type {HTMLElement} */ (event.target);
    if (target.closest('input, textarea, select, [contenteditable]')) return;
    const key = event.key.toLowerCase();
    const { view } = state.get();
    if (key === 'h') return handled(event, openHelp);
    if (key === 'escape' && view === 'article') {
      location.hash = '#library';
      return;
    }
    if (key === '/') return handled(event, () => search(view));
    if (current().key?.(key)) event.preventDefault();
  }

  return {
    render,
    /** Draws on every change of state and of the address, and listens for shortcuts. */
    start() {
      state.subscribe(render);
      window.addEventListener('hashchange', () => {
        notice.hide();
        state.update({ view: routeFromHash(location.hash).view });
        main.focus();
      });
      document.addEventListener('keydown', onKey);
      state.update({ view: routeFromHash(location.hash).view });
    },
  };
}

/** @param {Event} event @param {() => void} action */
function handled(event, action) {
  event.preventDefault();
  action();
}

function openHelp() {
  if (location.hash !== '#help') location.hash = '#help';
}

/** "/" searches what is being read, or the journal from anywhere else. @param {string} view */
function search(view) {
  const reading = view === 'library' || view === 'article';
  const target = reading ? '#library' : '#journal';
  if (location.hash !== target) location.hash = target;
  window.setTimeout(
    () => document.getElementById(reading ? 'library-search' : 'journal-search')?.focus(),
    50,
  );
}

/** @param {string} section */
function markNav(section) {
  document.querySelectorAll('[data-nav]').forEach((link) => {
    if (/** @type {HTMLElement} */ (link).dataset.nav === section)
      link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  });
}
