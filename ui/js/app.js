// @ts-check
// The app put together: each feature's controller, the lock and recovery flow, the Settings
// controller, and the router with its one table of screens. No behaviour of its own.
//
// Today, the Journal, the check-in, sharing and Settings are made at start. The Library,
// Patterns, Share and Help are made the first time one of their screens is drawn (`later`):
// their modules are fetched then, so the first screen parses only what it needs.

import { makeAttempt } from './attempt.js';
import { createCheckIn } from './checkin/controller.js';
import { KIND_KEYS } from './journal/catalog.js';
import { createJournal } from './journal/controller.js';
import { later } from './later.js';
import { tickTimers } from './journal/today.js';
import { passphraseOfferCard, shouldOffer } from './privacy/offer.js';
import { createSession } from './privacy/session.js';
import { createRouter } from './router.js';
import { createSettings } from './settings/controller.js';
import { partnerLabel } from './sharing/model.js';
import { createSharing } from './sharing/controller.js';
import { createNotice } from './views/notice.js';
import { createToast } from './views/toast.js';

/**
 * @param {{
 *   api: typeof import('./api.js'),
 *   state: ReturnType<typeof import('./state.js').createState>,
 *   routeFromHash: (hash: string, views?: readonly string[]) => {view: string, param: string},
 *   now: () => Date,
 * }} deps
 */
export function createApp({ api, state, routeFromHash, now }) {
  const main = /** @type {HTMLElement} */ (document.getElementById('main'));
  const notice = createNotice(/** @type {HTMLElement} */ (document.getElementById('notice')));
  const toast = createToast(/** @type {HTMLElement} */ (document.getElementById('toast')));
  const redraw = () => {
    router.render();
  };
  const changeSetting = (/** @type {string} */ key, /** @type {string} */ value) =>
    settings.change(key, value);
  const attempt = makeAttempt(notice, api.toAppError, redraw);

  const checkIn = createCheckIn({ api, toast, notice, now, redraw, changeSetting });
  const partner = createSharing({
    api,
    toast,
    settings: () => state.get().settings,
    changeSetting,
    now,
    indicatorSlot: document.getElementById('sharing-slot'),
  });
  const journal = createJournal({
    api,
    toast,
    notice,
    now,
    redraw,
    checkIns: checkIn,
    partner: {
      paired: () => partner.paired(),
      name: () => partnerLabel(partner.status()),
      shareByDefault: () => Boolean(state.get().settings?.shareFeelingsByDefault),
    },
  });
  const library = later(async () => {
    const { createLibrary } = await import('./library/controller.js');
    return createLibrary({
      api,
      toast,
      notice,
      redraw,
      changeSetting,
      settings: () => state.get().settings,
      writeInJournal: (note) => journal.openEditor(null, { note }),
    });
  });
  const theme = () => state.get().settings?.theme ?? 'system';
  const prefersDark = () => window.matchMedia('(prefers-color-scheme: dark)').matches;
  const sharing = later(async () => {
    const [{ createExport }, { chartTheme }] = await Promise.all([
      import('./export/controller.js'),
      import('./patterns/controller.js'),
    ]);
    return createExport({
      api,
      toast,
      notice,
      catalog: journal.catalog,
      redraw,
      chartTheme: () => chartTheme(theme(), prefersDark()),
    });
  });
  const patterns = later(async () => {
    const { createPatterns } = await import('./patterns/controller.js');
    return createPatterns({ api, catalog: journal.catalog, redraw, theme, prefersDark });
  });
  const help = later(async () => {
    const { createHelp } = await import('./help/controller.js');
    return createHelp({
      api,
      notice,
      redraw,
      journalOpen: () => Boolean(state.get().home) && !state.get().locked,
      savedRegion: () => state.get().settings?.helpRegion ?? null,
      saveRegion: (code) => changeSetting('helpRegion', code),
      languages: () => navigator.languages ?? [navigator.language],
    });
  });
  const session = createSession({ api, state, toast, attempt, journal, checkIn });
  const settings = createSettings({
    api,
    state,
    toast,
    notice,
    redraw,
    session,
    journal,
    checkInPart: (chosen) => checkIn.settings(chosen),
    teamPart: async () => (await help()).teamView(),
    sharingPart: () => partner.view(),
  });

  /** Screens that show moments, drawn again when the partner's changes arrive. */
  const SHOWING_MOMENTS = ['home', 'journal', 'trash', 'patterns'];

  /** A background exchange changed something: the status, and perhaps the screen. @param {import('./types.js').SharingChange} change */
  async function sharingChanged(change) {
    const { home, locked, view } = state.get();
    if (!home || locked) return;
    await partner.refresh();
    if (!change.journal) return;
    await journal.loadCatalog();
    if (SHOWING_MOMENTS.includes(view)) redraw();
  }

  /** Sharing's status follows the journal: read when it opens, forgotten when it closes. */
  let wasOpen = false;
  state.subscribe(() => {
    const open = Boolean(state.get().home) && !state.get().locked;
    if (open && !wasOpen) partner.refresh();
    if (!open && wasOpen) partner.forget();
    wasOpen = open;
  });

  /** The timers as last drawn on Today, for its keyboard shortcuts. */
  let timers = [];

  async function today() {
    // The check-in's cards are read alongside the day's moments, not before them.
    const shown = await journal.today(
      checkIn.todayCards(/** @type {import('./types.js').Settings} */ (state.get().settings)),
    );
    timers = shown.timers;
    if (shouldOffer(Boolean(state.get().home?.encrypted))) shown.view.append(passphraseOfferCard());
    return shown.view;
  }

  /** "n" opens the editor; a kind's key logs it or toggles its timer. @param {string} key */
  function todayKey(key) {
    if (key === 'n') {
      journal.openEditor(null);
      return true;
    }
    const kindId = Object.keys(KIND_KEYS).find((id) => KIND_KEYS[id] === key);
    if (kindId) journal.quickKey(kindId, timers);
    return Boolean(kindId);
  }

  /** Every screen, by the name in its address (#name or #name/param). @type {import('./router.js').Screens} */
  const screens = {
    home: { nav: 'home', draw: today, key: todayKey },
    journal: { nav: 'journal', draw: (days) => journal.timeline(days) },
    trash: { nav: 'journal', draw: () => journal.trash() },
    patterns: { nav: 'patterns', draw: async () => (await patterns()).view() },
    library: { nav: 'library', draw: async () => (await library()).shelf() },
    article: { nav: 'library', draw: async (slug) => (await library()).reader(slug) },
    export: { nav: 'export', draw: async () => (await sharing()).view() },
    settings: { nav: 'settings', draw: (part) => settings.view(part) },
    help: { nav: 'help', draw: async (tier) => (await help()).view(tier), anyTime: true },
  };

  const router = createRouter({
    screens,
    state,
    main,
    notice,
    routeFromHash: (hash) => routeFromHash(hash, Object.keys(screens)),
    toAppError: api.toAppError,
    gate: () => session.gate(),
    lockNow: () => {
      session.lockNow();
    },
    dialogOpen: () => journal.editorOpen() || checkIn.isOpen(),
  });

  return {
    start() {
      router.start();
      window.setInterval(tickTimers, 1000);
      api.watchSharing(sharingChanged).catch(() => {}); // the page still works without it
      return session.load();
    },
  };
}
