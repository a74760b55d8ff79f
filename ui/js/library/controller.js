// @ts-check
// The library's behaviour: the shelf, instant search, the reader and what it remembers.

import { AppError } from '../api.js';
import { makeAttempt } from '../attempt.js';
import { replace } from '../dom.js';
import { readerView, readingPosition, jumpTo } from './reader.js';
import { hitsList, shelfView, shelves } from './shelf.js';

/** How long typing must pause before a search runs, in milliseconds. */
const SEARCH_PAUSE = 120;
/** How long scrolling must pause before the reading position is saved. */
const SAVE_PAUSE = 700;
/** The largest article file the import reads, in bytes. */
const MAX_IMPORT_BYTES = 1_000_000;
const TEXT_SIZES = ['small', 'medium', 'large', 'larger'];

/**
 * @typedef {ReturnType<typeof createLibrary>} LibraryContext
 */

/**
 * @param {{
 *   api: typeof import('../api.js'),
 *   toast: ReturnType<typeof import('../views/toast.js').createToast>,
 *   notice: ReturnType<typeof import('../views/notice.js').createNotice>,
 *   redraw: () => void,
 *   settings: () => import('../types.js').Settings|null,
 *   changeSetting: (key: string, value: string) => Promise<void>,
 *   writeInJournal: (note: string) => void,
 * }} deps
 */
export function createLibrary({
  api,
  toast,
  notice,
  redraw,
  settings,
  changeSetting,
  writeInJournal,
}) {
  const local = { query: '', searchTimer: 0, saveTimer: 0, stopTracking: () => {}, slug: '' };

  const attempt = makeAttempt(notice, api.toAppError, () => redraw());

  const ctx = {
    /** @param {string} query @param {HTMLElement} results */
    searchSoon(query, results) {
      local.query = query.trim();
      clearTimeout(local.searchTimer);
      local.searchTimer = window.setTimeout(() => ctx.searchInto(results), SEARCH_PAUSE);
    },
    /** @param {HTMLElement} results */
    async searchInto(results) {
      try {
        const asked = local.query;
        const node = asked
          ? hitsList(asked, await api.searchArticles(asked))
          : shelves(await shelfData());
        if (asked === local.query) replace(results, node);
      } catch (err) {
        notice.show(api.toAppError(err));
      }
    },
    /** @param {File} file */
    importFile: (file) =>
      attempt(async () => {
        if (file.size > MAX_IMPORT_BYTES)
          throw {
            kind: 'unreadable_file',
            message: `\u201c${file.name}\u201d is larger than 1 MB, which is more than an article can be. Nothing was imported.`,
          };
        const summary = await api.importArticle(file.name, await file.text());
        toast.show(`Imported \u201c${summary.title}\u201d.`);
      }),
    /** @param {import('../types.js').ArticleSummary} article an article the parent imported */
    removeImported: (article) =>
      attempt(async () => {
        await api.deleteImportedArticle(article.slug);
        toast.show(`Removed \u201c${article.title}\u201d from your library.`);
        location.hash = '#library';
      }),
    /** @param {string} slug */
    toggleBookmark: (slug) =>
      attempt(async () => {
        const now = await api.toggleBookmark(slug);
        toast.show(now ? 'Bookmarked.' : 'Bookmark removed.');
      }),
    /** @param {number} step */
    textSize(step) {
      const current = TEXT_SIZES.indexOf(settings()?.textSize ?? 'medium');
      const next = TEXT_SIZES[Math.min(TEXT_SIZES.length - 1, Math.max(0, current + step))];
      return changeSetting('textSize', next);
    },
    /** @param {{slug: string, quote: string, anchor: string|null, offset: number}} input */
    highlight: (input) =>
      attempt(async () => {
        await api.addHighlight(input);
        document.getSelection()?.removeAllRanges();
        toast.show('Highlight kept.');
      }),
    /** @param {import('../types.js').Highlight} highlight @param {string} note */
    noteHighlight: (highlight, note) =>
      attempt(async () => {
        await api.setHighlightNote(highlight.id, note.trim() ? note : null);
        toast.show('Note saved.');
      }),
    /** @param {import('../types.js').Highlight} highlight */
    removeHighlight: (highlight) =>
      attempt(async () => {
        await api.deleteHighlight(highlight.id);
        toast.show('Highlight removed.', { label: 'Undo', run: () => ctx.highlight(highlight) });
      }),
    /** @param {import('../types.js').Highlight} highlight */
    journalAbout(highlight) {
      const title = document.getElementById('article-title')?.textContent ?? '';
      writeInJournal(
        `From \u201c${title}\u201d:\n\u201c${highlight.quote}\u201d\n\nHow it landed: `,
      );
    },
    refuseLink() {
      notice.show(
        new AppError(
          'offline',
          'Nestling does not open web pages: everything it shows stays on this computer.',
        ),
      );
    },

    async shelf() {
      local.stopTracking();
      const data = await shelfData();
      const hits = local.query ? await api.searchArticles(local.query) : null;
      return shelfView(ctx, { ...data, query: local.query, hits });
    },
    /** @param {string} slug */
    async reader(slug) {
      local.stopTracking();
      const [rendered, state] = await Promise.all([api.getArticle(slug), api.readingState(slug)]);
      await api.markOpened(slug);
      const view = readerView(ctx, { rendered, state });
      const returning = local.slug === slug;
      local.slug = slug;
      requestAnimationFrame(() => {
        if (!returning) restore(state.progress);
        local.stopTracking = track(slug);
      });
      return view;
    },
  };

  async function shelfData() {
    const [articles, recent, bookmarks, progress] = await Promise.all([
      api.listArticles(),
      api.recentlyRead(),
      api.listBookmarks(),
      api.allProgress(),
    ]);
    return {
      articles,
      recent,
      bookmarks,
      progress: new Map(progress.map((p) => [p.slug, p.fraction])),
    };
  }

  /** @param {import('../types.js').Progress|null} progress */
  function restore(progress) {
    if (!progress) return window.scrollTo(0, 0);
    if (progress.anchor && document.getElementById(progress.anchor)) return jumpTo(progress.anchor);
    const body = document.getElementById('article-body');
    if (body)
      window.scrollTo(
        0,
        body.offsetTop + body.offsetHeight * progress.fraction - window.innerHeight,
      );
  }

  /** Saves the reading position whenever scrolling pauses; returns how to stop. */
  function track(slug) {
    const onScroll = () => {
      clearTimeout(local.saveTimer);
      local.saveTimer = window.setTimeout(() => {
        const body = document.getElementById('article-body');
        if (!body) return;
        const { fraction, anchor } = readingPosition(body);
        api.setProgress(slug, fraction, anchor).catch((err) => notice.show(api.toAppError(err)));
      }, SAVE_PAUSE);
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      window.removeEventListener('scroll', onScroll);
      clearTimeout(local.saveTimer);
    };
  }

  return ctx;
}
