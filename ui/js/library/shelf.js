// @ts-check
// The library: search with instant results, continue reading, bookmarks, topics, and imports.

import { el } from '../dom.js';

/**
 * @typedef {import('../types.js').ArticleSummary} ArticleSummary
 * @typedef {import('../types.js').ArticleHit} ArticleHit
 * @typedef {import('./controller.js').LibraryContext} LibraryContext
 */

/** Words for the topics articles are filed under. */
export const TOPIC_NAMES = {
  bonding: 'Bonding',
  feelings: 'Feelings',
  'mental-health': 'Mental health',
  birth: 'Birth',
  sleep: 'Sleep and tiredness',
  'skin-to-skin': 'Skin to skin',
  partners: 'Partners',
  'getting-help': 'Getting help',
  'everyday-care': 'Everyday care',
};

/**
 * @param {LibraryContext} ctx
 * @param {{articles: ArticleSummary[], recent: {article: ArticleSummary}[], bookmarks: {article: ArticleSummary}[],
 *   progress: Map<string, number>, query: string, hits: ArticleHit[]|null}} data
 */
export function shelfView(ctx, data) {
  const results = el(
    'div',
    { id: 'library-results' },
    data.hits ? hitsList(data.query, data.hits) : shelves(data),
  );
  const input = el('input', {
    type: 'search',
    id: 'library-search',
    value: data.query,
    autocomplete: 'off',
    placeholder: 'Search the articles',
    'aria-label': 'Search the articles',
    'aria-keyshortcuts': '/',
    'aria-controls': 'library-results',
  });
  input.addEventListener('input', () =>
    ctx.searchSoon(/** @type {HTMLInputElement} */ (input).value, results),
  );
  input.addEventListener('keydown', (e) => moveThroughResults(e, results));
  return el(
    'section',
    { class: 'library', 'aria-labelledby': 'library-title' },
    el(
      'div',
      { class: 'timeline-head' },
      el('h1', { id: 'library-title', text: 'Library' }),
      importControl(ctx),
    ),
    el('p', {
      class: 'lede',
      text: 'Short articles about bonding and the first months. They are kept on this computer and work offline.',
    }),
    el('div', { class: 'search-form', role: 'search' }, input),
    results,
  );
}

/**
 * Down and Up move between results; Enter on a result opens it (it is a link).
 * @param {KeyboardEvent} event
 * @param {HTMLElement} results
 */
function moveThroughResults(event, results) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const links = [...results.querySelectorAll('a.article-link')];
  if (links.length === 0) return;
  event.preventDefault();
  const current = links.indexOf(/** @type {HTMLAnchorElement} */ (document.activeElement));
  const next = event.key === 'ArrowDown' ? Math.min(current + 1, links.length - 1) : current - 1;
  if (next < 0) /** @type {HTMLElement} */ (event.currentTarget).focus();
  else /** @type {HTMLElement} */ (links[next]).focus();
}

/** @param {LibraryContext} ctx */
function importControl(ctx) {
  const input = el('input', {
    type: 'file',
    id: 'import-file',
    accept: '.md,.markdown,text/markdown,text/plain',
    class: 'visually-hidden',
  });
  input.addEventListener('change', () => {
    const file = /** @type {HTMLInputElement} */ (input).files?.[0];
    if (file) ctx.importFile(file);
  });
  return el('label', { class: 'button quiet', for: 'import-file' }, 'Import an article', input);
}

/**
 * @param {{articles: ArticleSummary[], recent: {article: ArticleSummary}[], bookmarks: {article: ArticleSummary}[], progress: Map<string, number>}} data
 */
export function shelves({ articles, recent, bookmarks, progress }) {
  const byTopic = new Map();
  for (const article of articles) {
    const topic = article.source === 'imported' ? 'imported' : (article.topics[0] ?? 'bonding');
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), article]);
  }
  return el(
    'div',
    { class: 'shelves' },
    recent.length
      ? shelf(
          'continue',
          'Continue reading',
          recent.map((r) => r.article),
          progress,
        )
      : null,
    bookmarks.length
      ? shelf(
          'bookmarks',
          'Bookmarks',
          bookmarks.map((b) => b.article),
          progress,
        )
      : null,
    ...[...byTopic.entries()].map(([topic, list]) =>
      shelf(
        `topic-${topic}`,
        topic === 'imported' ? 'Your imported articles' : (TOPIC_NAMES[topic] ?? topic),
        list,
        progress,
      ),
    ),
  );
}

/**
 * @param {string} id
 * @param {string} title
 * @param {ArticleSummary[]} articles
 * @param {Map<string, number>} progress
 */
function shelf(id, title, articles, progress) {
  return el(
    'section',
    { class: 'shelf', id: `shelf-${id}`, 'aria-labelledby': `shelf-${id}-title` },
    el('h2', { id: `shelf-${id}-title`, text: title }),
    el(
      'ul',
      { class: 'article-list' },
      ...articles.map((a) =>
        el(
          'li',
          {},
          articleLink(a, progress.get(a.slug), [
            el('span', { class: 'article-summary', text: a.summary }),
          ]),
        ),
      ),
    ),
  );
}

/**
 * @param {ArticleSummary} article
 * @param {number|undefined} fraction
 * @param {Node[]} body
 */
function articleLink(article, fraction, body, title = [article.title]) {
  const read = fraction && fraction > 0.02 ? ` · ${Math.round(fraction * 100)}% read` : '';
  return el(
    'a',
    { class: 'article-link', href: `#article/${article.slug}`, 'data-slug': article.slug },
    el('span', { class: 'article-title' }, ...title),
    el('span', { class: 'article-meta', text: `${article.readingMinutes} min read${read}` }),
    ...body,
  );
}

/**
 * @param {string} query
 * @param {ArticleHit[]} hits
 */
export function hitsList(query, hits) {
  if (hits.length === 0) {
    return el('p', {
      class: 'empty',
      id: 'library-no-results',
      role: 'status',
      text: `Nothing found for \u201c${query}\u201d. Try one word, like \u201csleep\u201d or \u201cbond\u201d.`,
    });
  }
  const segments = (list) =>
    list.map((s) => (s.highlighted ? el('mark', { text: s.text }) : s.text));
  return el(
    'ul',
    // data-query: which search these are, as results of an earlier one can still be on screen.
    {
      class: 'article-list',
      id: 'library-hits',
      'aria-label': 'Search results',
      'data-query': query,
    },
    ...hits.map((hit) =>
      el(
        'li',
        {},
        articleLink(
          hit.article,
          undefined,
          [el('span', { class: 'snippet', text: '' }, ...segments(hit.snippet))],
          segments(hit.titleSegments),
        ),
      ),
    ),
  );
}
