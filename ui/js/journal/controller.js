// @ts-check
// The journal's behaviour: what each action sends to Rust and which screen is drawn afterwards.

import { makeAttempt, makeQuietAttempt } from '../attempt.js';
import { loadForEditing } from '../editing.js';
import { formatMinutes, shiftDate, toLocalDate, withOffset } from '../format.js';
import { daySpan } from '../state.js';
import { createCatalog, currentOffsetSeconds } from './catalog.js';
import { createDrafts } from './drafts.js';
import { todayView } from './today.js';
import { later } from '../later.js';

/** How many days the timeline shows at first, and adds with "Show earlier days". */
const PAGE_DAYS = 14;
/** How many search results are shown at first, and added with "Show more results". */
const PAGE_RESULTS = 50;
/** The most results one search can return (the journal's own maximum). */
const MAX_RESULTS = 200;

/**
 * @typedef {ReturnType<typeof createJournal>} JournalContext
 * @typedef {import('../types.js').Kind} Kind
 * @typedef {import('../types.js').Timer} Timer
 * @typedef {import('../types.js').CheckIn} CheckIn
 * @typedef {{paired: () => boolean, name: () => string, shareByDefault: () => boolean}} Partner
 *   sharing with the partner's computer, as the editor and the rows need it
 * @typedef {{list: (from: string, to: string) => Promise<CheckIn[]>, row: (checkIn: CheckIn) => HTMLElement,
 *   open: (checkIn: CheckIn|null) => void, trashed: () => Promise<CheckIn[]>,
 *   restore: (checkIn: CheckIn) => Promise<void>}} CheckIns the check-ins shown beside moments and in the trash
 */

/**
 * @param {{
 *   api: typeof import('../api.js'),
 *   toast: ReturnType<typeof import('../views/toast.js').createToast>,
 *   notice: ReturnType<typeof import('../views/notice.js').createNotice>,
 *   now: () => Date,
 *   redraw: () => void,
 *   checkIns: CheckIns,
 *   partner: Partner,
 * }} deps
 */
export function createJournal({ api, toast, notice, now, redraw, checkIns, partner }) {
  const catalog = createCatalog(api, partner.name);
  const drafts = createDrafts({
    listDrafts: api.listDrafts,
    saveDraft: api.saveDraft,
    discardDraft: api.discardDraft,
  });
  const local = {
    baby: /** @type {number|null} */ (null),
    query: '',
    filter: {},
    days: PAGE_DAYS,
    results: PAGE_RESULTS,
    kept: new Set(),
  };

  const attempt = makeAttempt(notice, api.toAppError, () => redraw());
  const attemptQuietly = makeQuietAttempt(notice, api.toAppError, () => redraw());

  /** The editor, once its module has been read (the first time it opens). @type {ReturnType<typeof import('./editor.js').createEditor> | null} */
  let made = null;
  const editor = later(async () => {
    const { createEditor } = await import('./editor.js');
    made = createEditor(catalog, editorActions, drafts, partner);
    return made;
  });
  /** The journal's screens other than Today, read the first time one is shown. */
  const timelines = later(() => import('./timeline.js'));
  /** @type {import('./editor.js').EditorActions} */
  const editorActions = {
    async save(input, id, share) {
      const saved = id === null ? await api.logMoment(input) : await api.updateMoment(id, input);
      if (share !== null && share !== saved.shareFeelings)
        await api.setShareFeelings(saved.id, share);
      await catalog.load();
      toast.show(
        id === null ? `Saved ${catalog.kind(saved.kindId).name.toLowerCase()}.` : 'Changes saved.',
      );
      redraw();
    },
    remove: (moment) => ctx.remove(moment),
  };

  /** Runs a change to the babies or the kinds, then reads them again. @param {() => Promise<unknown>} write */
  const changeCatalog = (write) =>
    attempt(async () => {
      await write();
      await catalog.load();
    });

  const ctx = {
    catalog,
    checkIns,
    /** The unsaved notes: read when the journal opens, forgotten when it locks. */
    drafts,
    /** What Settings can change of the babies and the kinds. @type {import('./manage.js').ManageIntents} */
    manage: {
      addBaby: (input) => changeCatalog(() => api.addBaby(input)),
      renameBaby: (baby, name) =>
        changeCatalog(() => api.updateBaby(baby.id, { name, birthDate: baby.birthDate })),
      archiveBaby: (baby) => changeCatalog(() => api.archiveBaby(baby.id)),
      addKind: (input) => changeCatalog(() => api.addKind(input)),
      renameKind: (kind, name) =>
        changeCatalog(() =>
          api.updateKind(kind.id, { name, emoji: kind.emoji, timed: kind.timed }),
        ),
      setKindHidden: (kind, hidden) => changeCatalog(() => api.setKindHidden(kind.id, hidden)),
    },
    currentBaby: () => local.baby,
    /** @param {number|null} id */
    setCurrentBaby(id) {
      local.baby = id;
    },
    /**
     * Opens the editor on a new moment, or on the whole of an existing one read afresh.
     * @param {{id: number}|null} moment a row or a whole moment: the editor reads it whole
     * @param {Partial<import('../types.js').MomentInput>} [defaults]
     */
    openEditor(moment, defaults = {}) {
      return attemptQuietly(async () => {
        const opened = moment
          ? await loadForEditing(() => api.getMoment(moment.id), 'This moment')
          : null;
        (await editor()).open(opened, { babyId: local.baby, ...defaults });
      });
    },
    editorOpen: () => made?.isOpen() ?? false,
    closeEditor: () => made?.close(),
    /** @param {Kind} kind */
    quickLog: (kind) =>
      attempt(async () => {
        const moment = await api.logMoment({
          kindId: kind.id,
          startedAt: withOffset(now()),
          utcOffsetSeconds: currentOffsetSeconds(),
          babyId: local.baby,
        });
        toast.show(`Logged ${kind.name.toLowerCase()}.`, {
          label: 'Add how you felt',
          run: () => ctx.openEditor(moment),
        });
      }),
    /** @param {Kind} kind */
    startTimer: (kind) =>
      attempt(async () => {
        await api.startTimer({
          kindId: kind.id,
          babyId: local.baby,
          utcOffsetSeconds: currentOffsetSeconds(),
        });
      }),
    /** @param {Timer} timer */
    stopTimer: (timer) =>
      attempt(async () => {
        const moment = await api.stopTimer(timer.id);
        const kind = catalog.kind(moment.kindId);
        toast.show(
          `Saved ${formatMinutes(moment.durationMinutes ?? 0)} of ${kind.name.toLowerCase()}.`,
          { label: 'Add how you felt', run: () => ctx.openEditor(moment) },
        );
        if (timer.needsConfirmation) ctx.openEditor(moment);
      }),
    /** @param {Timer} timer */
    keepTimer(timer) {
      local.kept.add(timer.id);
      redraw();
    },
    /** @param {Timer} timer */
    cancelTimer: (timer) =>
      attempt(async () => {
        await api.cancelTimer(timer.id);
        toast.show('Timer discarded. Nothing was saved.');
      }),
    /** Toggles the timer of a timed kind, or logs an instant kind: one key on Today. */
    quickKey(kindId, timers) {
      const kind = catalog.visibleKinds().find((k) => k.id === kindId);
      if (!kind) return;
      const running = timers.find((t) => t.kindId === kindId && t.babyId === local.baby);
      if (running) ctx.stopTimer(running);
      else if (kind.timed) ctx.startTimer(kind);
      else ctx.quickLog(kind);
    },
    /** @param {{id: number}} moment */
    remove: (moment) =>
      attempt(async () => {
        await api.deleteMoment(moment.id);
        toast.show('Moved to the trash.', { label: 'Undo', run: () => ctx.restore(moment) });
      }),
    /** @param {{id: number}} moment */
    restore: (moment) =>
      attempt(async () => {
        await api.restoreMoment(moment.id);
        toast.show('Restored.');
      }),
    /** @param {{id: number}} moment */
    purge: (moment) =>
      attempt(async () => {
        await api.purgeMoment(moment.id);
        toast.show('Deleted for good.');
      }),
    /** @param {string} query */
    search(query) {
      local.query = query.trim();
      local.results = PAGE_RESULTS;
      redraw();
    },
    setFilter(key, value) {
      if (value === undefined) delete local.filter[key];
      else local.filter[key] = value;
      redraw();
    },
    showEarlier() {
      local.days += PAGE_DAYS;
      redraw();
    },
    showMoreResults() {
      local.results = Math.min(local.results + PAGE_RESULTS, MAX_RESULTS);
      redraw();
    },

    async loadCatalog() {
      await catalog.load();
    },
    /** @param {Node[] | Promise<Node[]>} [cardsRead] what other features show near the top of Today, or its reading */
    async today(cardsRead = []) {
      const at = now();
      const day = toLocalDate(at);
      const [timers, listing, cards] = await Promise.all([
        api.listTimers(),
        api.listMoments(day, day),
        cardsRead,
      ]);
      const shown = timers.map((t) =>
        local.kept.has(t.id) ? { ...t, needsConfirmation: false } : t,
      );
      return { view: todayView(ctx, { timers: shown, listing, now: at, cards }), timers };
    },
    /** @param {string} [days] "YYYY-MM-DD..YYYY-MM-DD" to show those days only (from Patterns) */
    async timeline(days = '') {
      const at = now();
      const span = daySpan(days);
      const to = span?.to ?? toLocalDate(at);
      const from = span?.from ?? shiftDate(to, 1 - local.days);
      // One more than shown, to know whether "Show more results" would find any.
      const found = local.query
        ? await api.searchMoments(
            local.query,
            local.filter,
            Math.min(local.results + 1, MAX_RESULTS),
          )
        : null;
      const more = found !== null && found.length > local.results;
      const hits = found && found.slice(0, local.results);
      const listing = hits ? null : await api.listMoments(from, to, local.filter);
      // Check-ins have no kind, baby, feeling or tag: a filter or a search shows moments only.
      const unfiltered = !hits && Object.keys(local.filter).length === 0;
      const shownCheckIns = unfiltered ? await checkIns.list(from, to) : [];
      const { timelineView } = await timelines();
      return timelineView(ctx, {
        query: local.query,
        filter: local.filter,
        listing,
        hits,
        more,
        atMost: hits !== null && hits.length >= MAX_RESULTS,
        checkIns: shownCheckIns,
        now: at,
        span,
      });
    },
    async trash() {
      const [moments, trashedCheckIns, { trashView }] = await Promise.all([
        api.listTrash(),
        checkIns.trashed(),
        timelines(),
      ]);
      return trashView(ctx, moments, trashedCheckIns);
    },
  };
  return ctx;
}
