// The app's behaviour: loading, routing and rendering the current view.

import { replace } from './dom.js';
import { homeView } from './views/home.js';
import { laterView } from './views/later.js';
import { createNotice } from './views/notice.js';
import { problemView } from './views/problem.js';
import { applySettings, settingsView } from './views/settings.js';

/**
 * @param {{
 *   api: typeof import('./api.js'),
 *   state: ReturnType<typeof import('./state.js').createState>,
 *   viewFromHash: (hash: string) => string,
 *   now: () => Date,
 * }} deps
 */
export function createApp({ api, state, viewFromHash, now }) {
  const main = /** @type {HTMLElement} */ (document.getElementById('main'));
  const notice = createNotice(/** @type {HTMLElement} */ (document.getElementById('notice')));

  async function changeSetting(key, value) {
    try {
      const settings = await api.setSetting(key, value);
      applySettings(settings);
      state.update({ settings });
    } catch (err) {
      notice.show(api.toAppError(err));
    }
  }

  function render() {
    const { view, home, settings, problem } = state.get();
    document.querySelectorAll('[data-nav]').forEach((link) => {
      if (/** @type {HTMLElement} */ (link).dataset.nav === view) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    });
    if (problem) return replace(main, problemView(problem));
    if (!home || !settings) return;
    if (view === 'settings') return replace(main, settingsView(settings, changeSetting));
    if (view === 'journal' || view === 'library') return replace(main, laterView(view));
    replace(main, homeView(now()));
  }

  async function load() {
    try {
      const home = await api.getHome();
      applySettings(home.settings);
      showDataFolder(home.dataDir);
      state.update({ home, settings: home.settings });
    } catch (err) {
      state.update({ problem: api.toAppError(err) });
    }
  }

  return {
    start() {
      state.subscribe(render);
      window.addEventListener('hashchange', () => {
        notice.hide();
        state.update({ view: viewFromHash(location.hash) });
        main.focus();
      });
      state.update({ view: viewFromHash(location.hash) });
      return load();
    },
  };
}

/** @param {string} dir */
function showDataFolder(dir) {
  const note = document.getElementById('data-note');
  if (note) note.textContent = `Nestling works offline. Your journal is kept only on this computer, in ${dir}`;
}
