// @ts-check
// The app's behaviour: loading, routing, keyboard shortcuts and drawing the current view.

import { makeAttempt } from './attempt.js';
import { replace } from './dom.js';
import { formatElapsed } from './format.js';
import { createCheckIn } from './checkin/controller.js';
import { createExport } from './export/controller.js';
import { createJournal } from './journal/controller.js';
import { draftsSettled, forgetDrafts, loadDrafts } from './journal/drafts.js';
import { createLibrary } from './library/controller.js';
import { createHelp } from './help/controller.js';
import { teamSettings } from './help/team.js';
import { KIND_KEYS } from './journal/catalog.js';
import { manageView } from './journal/manage.js';
import { createNotice } from './views/notice.js';
import { problemView } from './views/problem.js';
import { applySettings, settingsView } from './views/settings.js';
import { createToast } from './views/toast.js';
import { createIdleLock } from './privacy/idle.js';
import { lockView } from './privacy/lock.js';
import { passphraseOffer, shouldOffer } from './privacy/offer.js';
import { recoveryView } from './privacy/recovery.js';
import { privacySection, recoveryCodeView } from './privacy/settings.js';

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
  const checkIn = createCheckIn({ api, toast, notice, now, redraw: () => render(), changeSetting });
  const journal = createJournal({ api, toast, notice, now, redraw: () => render(), checkIns: checkIn });
  const library = createLibrary({
    api, toast, notice, redraw: () => render(), changeSetting,
    settings: () => state.get().settings,
    writeInJournal: (note) => journal.openEditor(null, { note }),
  });
  const sharing = createExport({ api, toast, notice, catalog: journal.catalog, redraw: () => render() });
  const help = createHelp({
    api, redraw: () => render(),
    journalOpen: () => Boolean(state.get().home) && !state.get().locked,
    savedRegion: () => state.get().settings?.helpRegion ?? null,
    saveRegion: (code) => changeSetting('helpRegion', code),
    languages: () => navigator.languages ?? [navigator.language],
  });
  const idle = createIdleLock(() => lockNow(), undefined, () => api.stillHere());
  /** The timers as last drawn, for the keyboard shortcuts. */
  let timers = [];
  let drawing = 0;

  const attempt = makeAttempt(notice, api.toAppError, () => render());

  async function changeSetting(key, value) {
    await attempt(async () => {
      const settings = await api.setSetting(key, value);
      applySettings(settings);
      if (state.get().home?.encrypted) idle.configure(String(settings.lockAfterMinutes ?? 'never'));
      state.update({ settings });
    });
  }

  /** Closes the journal now; the lock screen asks for the passphrase again. */
  async function lockNow() {
    if (!state.get().home?.encrypted) return;
    await draftsSettled();
    await attempt(() => api.lock());
    forgetDrafts();
    state.update({ locked: true, home: null });
  }

  async function unlock(secret) {
    try {
      await api.unlock(secret);
    } catch (err) {
      // A damaged journal goes on to the recovery screen; anything else stays on the lock screen.
      if (!['damaged', 'not_a_database', 'not_locked'].includes(api.toAppError(err).kind)) throw err;
    }
    // What is shown next is what Rust says the journal is now, never assumed.
    state.update({ locked: false });
    await load();
  }

  /** After a restore, a passphrase change or an erase: everything is read afresh. */
  async function reopen() {
    state.update({ home: null, problem: null, recovery: null });
    await load();
  }

  async function recoverWith(name, secret) {
    await attempt(async () => {
      const { setAside } = await api.recoverFromBackup(name, secret);
      toast.show(`Your journal was restored. The damaged file was kept in ${setAside}.`);
      await reopen();
    });
  }

  /** Builds the current view; a newer draw started meanwhile wins. */
  async function render() {
    const ticket = ++drawing;
    const { view, home, settings, problem, locked, recovery, recoveryCode } = state.get();
    markNav(view);
    document.body.dataset.locked = String(locked);
    // Help comes before everything else: it works locked, on the recovery screen, anywhere.
    if (view === 'help') return drawHelp(ticket);
    if (locked) {
      checkIn.close(); // answers never stay on screen over the lock
      journal.closeEditor(); // nor does a note being written (its draft is kept in the journal)
      return replace(main, lockView(unlock, api.toAppError));
    }
    if (recoveryCode) return replace(main, recoveryCodeView(recoveryCode, () => { state.update({ recoveryCode: null }); reopen(); }));
    if (recovery) return replace(main, recoveryView(recovery, recoverWith));
    if (problem) return replace(main, problemView(problem));
    if (!home || !settings) return;
    try {
      const node = await build(view, settings);
      if (ticket === drawing) replace(main, node);
    } catch (err) {
      notice.show(api.toAppError(err));
    }
  }

  async function drawHelp(ticket) {
    try {
      const node = await help.view(routeFromHash(location.hash).param);
      if (ticket === drawing) replace(main, node);
    } catch (err) {
      notice.show(api.toAppError(err));
    }
  }

  async function build(view, settings) {
    if (view === 'settings') {
      const section = settingsView(settings, changeSetting);
      section.append(checkIn.settings(settings));
      section.append(manageView(api, journal.catalog, attempt));
      section.append(teamSettings(api, await api.listContacts(), attempt));
      section.append(privacySection({
        api, attempt, toast, changeSetting, lockNow,
        showRecoveryCode: (code) => state.update({ recoveryCode: code }),
        afterErase: reopen,
      }, await api.privacy(), settings));
      return section;
    }
    if (view === 'journal') return journal.timeline();
    if (view === 'trash') return journal.trash();
    if (view === 'library') return library.shelf();
    if (view === 'export') return sharing.view();
    if (view === 'article') return library.reader(routeFromHash(location.hash).param);
    const today = await journal.today(await checkIn.todayCards(settings));
    timers = today.timers;
    if (shouldOffer(Boolean(state.get().home?.encrypted))) today.view.append(passphraseOffer());
    return today.view;
  }

  async function load() {
    try {
      const { locked } = await api.lockState();
      if (locked) return state.update({ locked: true });
      const home = await api.getHome();
      applySettings(home.settings);
      showDataFolder(home.dataDir);
      await journal.loadCatalog();
      await loadDrafts({ listDrafts: api.listDrafts, saveDraft: api.saveDraft, discardDraft: api.discardDraft });
      idle.configure(home.encrypted ? String(home.settings.lockAfterMinutes ?? 'never') : 'never');
      state.update({ home, settings: home.settings });
    } catch (err) {
      const problem = api.toAppError(err);
      if (problem.kind === 'locked') return state.update({ locked: true });
      if (RECOVERABLE.includes(problem.kind)) return state.update({ recovery: await api.recoveryState() });
      state.update({ problem });
    }
  }

  function onKey(event) {
    if (event.key === 'F1') { event.preventDefault(); openHelp(); return; }
    if (event.ctrlKey && !event.altKey && event.key.toLowerCase() === 'l') { event.preventDefault(); lockNow(); return; }
    if (event.ctrlKey || event.metaKey || event.altKey || journal.editorOpen() || checkIn.isOpen()) return;
    const target = /** @type {HTMLElement} */ (event.target);
    if (target.closest('input, textarea, select, [contenteditable]')) return;
    const key = event.key.toLowerCase();
    const { view } = state.get();
    if (key === 'h') { event.preventDefault(); openHelp(); return; }
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

  function openHelp() {
    if (location.hash !== '#help') location.hash = '#help';
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

/** Failures to open the journal that a backup can mend. */
const RECOVERABLE = ['damaged', 'not_a_database'];

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
