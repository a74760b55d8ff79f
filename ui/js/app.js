// The app's behaviour: loading, routing, keyboard shortcuts and drawing the current view.

import { makeAttempt } from './attempt.js';
import { replace } from './dom.js';
import { formatElapsed } from './format.js';
import { createJournal } from './journal/controller.js';
import { createLibrary } from './library/controller.js';
import { KIND_KEYS } from './journal/catalog.js';
import { manageView } from './journal/manage.js';
import { createNotice } from './views/notice.js';
import { problemView } from './views/problem.js';
import { applySettings, settingsView } from './views/settings.js';
import { createToast } from './views/toast.js';

/**
 * @param {{
 *   api: typeof import('./api.js'),
 *   state: ReturnType<typeof import('./state.js').createState>,
 *   viewFromHash: (hash: string) => string,
 *   routeFromHash: (hash: string) => {view: string, param: string},
 *   now: () => Date,
 * }} deps
 */
export function createApp({ api, state, viewFromHash, routeFromHash, now }) {
  const main = /** @type {HTMLElement} */ (document.getElementById('main'));
  const notice = createNotice(/** @type {HTMLElement} */ (document.getElementById('notice')));
  const toast = createToast(/** @type {HTMLElement} */ (document.getElementById('toast')));
  const journal = createJournal({ api, toast, notice, now, redraw: () => render() });
  const library = createLibrary({
    api, toast, notice, redraw: () => render(), changeSetting,
    settings: () => state.get().settings,
    writeInJournal: (note) => journal.openEditor(null, { note }),
  });
  /** The timers as last drawn, for the keyboard shortcuts. */
  let timers = [];
  let drawing = 0;

  const attempt = makeAttempt(notice, api.toAppError, () => render());

  async function changeSetting(key, value) {
    await attempt(async () => {
      const settings = await api.setSetting(key, value);
      applySettings(settings);
      state.update({ settings });
    });
  }

  /** Builds the current view; a newer draw started meanwhile wins. */
  async function render() {
    const ticket = ++drawing;
    const { view, home, settings, problem } = state.get();
    markNav(view);
    if (problem) return replace(main, problemView(problem));
    if (!home || !settings) return;
    try {
      const node = await build(view, settings);
      if (ticket === drawing) replace(main, node);
    } catch (err) {
      notice.show(api.toAppError(err));
    }
  }

  async function build(view, settings) {
    if (view === 'settings') {
      const section = settingsView(settings, changeSetting);
      section.append(manageView(api, journal.catalog, attempt));
      return section;
    }
    if (view === 'journal') return journal.timeline();
    if (view === 'trash') return journal.trash();
    if (view === 'library') return library.shelf();
    if (view === 'article') return library.reader(routeFromHash(location.hash).param);
    const today = await journal.today();
    timers = today.timers;
    return today.view;
  }

  async function load() {
    try {
      const home = await api.getHome();
      applySettings(home.settings);
      showDataFolder(home.dataDir);
      await journal.loadCatalog();
      state.update({ home, settings: home.settings });
    } catch (err) {
      state.update({ problem: api.toAppError(err) });
    }
  }

  function onKey(event) {
    if (event.ctrlKey || event.metaKey || event.altKey || journal.editorOpen()) return;
    const target = /** @type {HTMLElement} */ (event.target);
    if (target.closest('input, textarea, select, [contenteditable]')) return;
    const key = event.key.toLowerCase();
    const { view } = state.get();
    if (key === 'escape' && view === 'article') { location.hash = '#library'; return; }
    if (key === '/') {
      event.preventDefault();
      const reading = view === 'library' || view === 'article';
      const target = reading ? '#library' : '#journal';
      if (location.hash !== target) location.hash = target;
      window.setTimeout(() => document.getElementById(reading ? 'library-search' : 'journal-search')?.focus(), 50);
      return;
    }
    if (view !== 'home') return;
    if (key === 'n') { event.preventDefault(); journal.openEditor(null); return; }
    const kindId = Object.keys(KIND_KEYS).find((id) => KIND_KEYS[id] === key);
    if (kindId) { event.preventDefault(); journal.quickKey(kindId, timers); }
  }

  return {
    start() {
      state.subscribe(render);
      window.addEventListener('hashchange', () => {
        notice.hide();
        state.update({ view: viewFromHash(location.hash) });
        main.focus();
      });
      document.addEventListener('keydown', onKey);
      window.setInterval(tickTimers, 1000);
      state.update({ view: viewFromHash(location.hash) });
      return load();
    },
  };
}

function markNav(view) {
  const section = { trash: 'journal', article: 'library' }[view] ?? view;
  document.querySelectorAll('[data-nav]').forEach((link) => {
    if (/** @type {HTMLElement} */ (link).dataset.nav === section) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  });
}

/** Running timers count up from their start, read again every second. */
function tickTimers() {
  document.querySelectorAll('[data-timer-start]').forEach((node) => {
    const start = Date.parse(/** @type {HTMLElement} */ (node).dataset.timerStart ?? '');
    if (!Number.isNaN(start)) node.textContent = formatElapsed((Date.now() - start) / 1000);
  });
}

/** @param {string} dir */
function showDataFolder(dir) {
  const note = document.getElementById('data-note');
  if (note) note.textContent = `Nestling works offline. Your journal is kept only on this computer, in ${dir}`;
}
