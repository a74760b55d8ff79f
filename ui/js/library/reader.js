// @ts-check
// The reader: a comfortable column of text, its contents, bookmark, text size, highlights, and
// where to go next. The article's HTML was rendered and sanitized in Rust.

import { el, setSanitizedHtmlFromRust } from '../dom.js';

/**
 * @typedef {import('../types.js').RenderedArticle} RenderedArticle
 * @typedef {import('../types.js').ReadingState} ReadingState
 * @typedef {import('../types.js').Highlight} Highlight
 * @typedef {import('./controller.js').LibraryContext} LibraryContext
 */

/**
 * @param {LibraryContext} ctx
 * @param {{rendered: RenderedArticle, state: ReadingState}} data
 */
export function readerView(ctx, { rendered, state }) {
  const { article } = rendered;
  const body = el('div', { class: 'article-body', id: 'article-body', lang: 'en' });
  setSanitizedHtmlFromRust(body, rendered.html);
  body.addEventListener('click', (event) => keepLinksInside(ctx, event));
  const highlightButton = el('button', {
    type: 'button',
    class: 'button small',
    id: 'highlight-selection',
    disabled: true,
    text: 'Highlight selection',
  });
  highlightButton.addEventListener('click', () => {
    const picked = selectionIn(body);
    if (picked) ctx.highlight({ slug: article.slug, ...picked });
  });
  document.addEventListener('selectionchange', () => {
    /** @type {HTMLButtonElement} */ (highlightButton).disabled = !selectionIn(body);
  });
  return el(
    'article',
    { class: 'reader', 'data-slug': article.slug, 'aria-labelledby': 'article-title' },
    el(
      'div',
      { class: 'reader-bar' },
      el('a', {
        class: 'button quiet small',
        href: '#library',
        id: 'back-to-library',
        text: '\u2190 Library',
      }),
      el('button', {
        type: 'button',
        class: 'button quiet small',
        id: 'bookmark',
        'aria-pressed': String(state.bookmarked),
        text: state.bookmarked ? 'Bookmarked' : 'Bookmark',
        onclick: () => ctx.toggleBookmark(article.slug),
      }),
      sizeButton('text-smaller', 'A\u2212', 'Smaller text', () => ctx.textSize(-1)),
      sizeButton('text-larger', 'A+', 'Larger text', () => ctx.textSize(1)),
      highlightButton,
      article.source === 'imported' ? removeButton(ctx, article) : null,
    ),
    el(
      'header',
      { class: 'reader-head' },
      el('h1', { id: 'article-title', text: article.title }),
      el('p', { class: 'article-meta', text: meta(article) }),
    ),
    el(
      'div',
      { class: 'reader-layout' },
      toc(rendered),
      el(
        'div',
        { class: 'reader-main' },
        body,
        highlightsList(ctx, state.highlights),
        nextSteps(rendered),
      ),
    ),
  );
}

/**
 * Takes an article the parent imported off the shelf, after a second click that confirms it.
 * @param {LibraryContext} ctx @param {import('../types.js').ArticleSummary} article
 */
function removeButton(ctx, article) {
  const button = /** @type {HTMLButtonElement} */ (
    el('button', {
      type: 'button',
      class: 'button quiet small',
      id: 'remove-article',
      text: 'Remove from my library',
    })
  );
  button.addEventListener('click', () => {
    if (button.dataset.confirm === 'yes') return ctx.removeImported(article);
    button.dataset.confirm = 'yes';
    button.textContent = 'Yes, remove this article';
  });
  return button;
}

/** @param {import('../types.js').ArticleSummary} article */
function meta(article) {
  const parts = [`${article.readingMinutes} min read`];
  if (article.reviewed) parts.push(`reviewed ${article.reviewed}`);
  if (article.source === 'imported') parts.push('imported by you');
  return parts.join(' · ');
}

/** @param {RenderedArticle} rendered */
function toc(rendered) {
  if (rendered.toc.length === 0) return null;
  return el(
    'nav',
    { class: 'toc', 'aria-label': 'Contents', id: 'toc' },
    el('h2', { text: 'Contents' }),
    el(
      'ul',
      {},
      ...rendered.toc.map((entry) =>
        el(
          'li',
          { class: `toc-level-${entry.level}` },
          el('button', {
            type: 'button',
            class: 'toc-link',
            'data-anchor': entry.anchor,
            text: entry.text,
            onclick: () => jumpTo(entry.anchor),
          }),
        ),
      ),
    ),
  );
}

/**
 * Scrolls to a heading and moves the focus there, for keyboard and screen-reader users too.
 * @param {string} anchor
 */
export function jumpTo(anchor) {
  const heading = document.getElementById(anchor);
  if (!heading) return;
  heading.setAttribute('tabindex', '-1');
  heading.scrollIntoView({ block: 'start' });
  heading.focus({ preventScroll: true });
}

/**
 * Links inside an article never leave the app: a jump within it scrolls, anything else is
 * refused with a word of explanation.
 * @param {LibraryContext} ctx
 * @param {MouseEvent} event
 */
function keepLinksInside(ctx, event) {
  const link = /** @type {HTMLElement} */ (event.target).closest('a');
  if (!link) return;
  event.preventDefault();
  const href = link.getAttribute('href') ?? '';
  const [slug, anchor] = href.split('#');
  if (link.hasAttribute('data-external') || /^[a-z]+:/i.test(href)) ctx.refuseLink();
  else if (!slug && anchor) jumpTo(anchor);
  else if (/^[a-z0-9-]+$/.test(slug)) location.hash = `#article/${slug}`;
  else ctx.refuseLink();
}

/**
 * The selected text inside the article with where it starts: the nearest heading above it and
 * the number of characters from that heading to the selection.
 * @param {HTMLElement} body
 * @returns {{quote: string, anchor: string|null, offset: number}|null}
 */
export function selectionIn(body) {
  const selection = document.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!body.contains(range.commonAncestorContainer)) return null;
  const quote = selection.toString().trim();
  if (!quote) return null;
  const headings = [...body.querySelectorAll('h2[id], h3[id], h4[id]')];
  const before = headings
    .filter(
      (h) => h.compareDocumentPosition(range.startContainer) & Node.DOCUMENT_POSITION_FOLLOWING,
    )
    .pop();
  const from = document.createRange();
  if (before) from.setStartAfter(before);
  else from.setStart(body, 0);
  from.setEnd(range.startContainer, range.startOffset);
  return { quote, anchor: before ? before.id : null, offset: from.toString().length };
}

/**
 * @param {LibraryContext} ctx
 * @param {Highlight[]} highlights
 */
function highlightsList(ctx, highlights) {
  return el(
    'section',
    { class: 'highlights', id: 'highlights', 'aria-labelledby': 'highlights-title' },
    el('h2', { id: 'highlights-title', text: 'Your highlights' }),
    highlights.length === 0
      ? el('p', {
          class: 'hint',
          text: 'Select a passage and press \u201cHighlight selection\u201d to keep it here.',
        })
      : el(
          'ul',
          { class: 'plain-list', id: 'highlight-list' },
          ...highlights.map((h) =>
            el(
              'li',
              { class: 'highlight' },
              el('blockquote', { text: h.quote }),
              highlightNote(ctx, h),
              el(
                'div',
                { class: 'trash-actions' },
                el('button', {
                  type: 'button',
                  class: 'button quiet small',
                  text: 'Jump to it',
                  onclick: () => h.anchor && jumpTo(h.anchor),
                }),
                el('button', {
                  type: 'button',
                  class: 'button quiet small',
                  text: 'Write about it in the journal',
                  onclick: () => ctx.journalAbout(h),
                }),
                el('button', {
                  type: 'button',
                  class: 'button quiet small danger',
                  text: 'Remove',
                  onclick: () => ctx.removeHighlight(h),
                }),
              ),
            ),
          ),
        ),
  );
}

/** @param {RenderedArticle} rendered */
function nextSteps(rendered) {
  const link = (slug, text, id) =>
    slug ? el('a', { class: 'button quiet', href: `#article/${slug}`, id, text }) : null;
  return el(
    'footer',
    { class: 'reader-foot' },
    rendered.related.length
      ? el(
          'section',
          { 'aria-labelledby': 'related-title' },
          el('h2', { id: 'related-title', text: 'Related' }),
          el(
            'ul',
            { class: 'plain-list', id: 'related' },
            ...rendered.related.map((a) =>
              el('li', {}, el('a', { href: `#article/${a.slug}`, text: a.title })),
            ),
          ),
        )
      : null,
    el(
      'div',
      { class: 'prev-next' },
      link(rendered.previousSlug, '\u2190 Previous article', 'previous-article'),
      link(rendered.nextSlug, 'Next article \u2192', 'next-article'),
    ),
  );
}

/**
 * How far the reader has come, as a fraction of the article, and the last heading passed.
 * @param {HTMLElement} body
 * @returns {{fraction: number, anchor: string|null}}
 */
export function readingPosition(body) {
  const box = body.getBoundingClientRect();
  const seen = window.innerHeight - box.top;
  const fraction = Math.min(1, Math.max(0, seen / Math.max(box.height, 1)));
  const passed = [...body.querySelectorAll('h2[id], h3[id]')]
    .filter((h) => h.getBoundingClientRect().top < 120)
    .pop();
  return { fraction: Math.round(fraction * 1000) / 1000, anchor: passed ? passed.id : null };
}

/**
 * The parent's own words about a highlight, saved when they press Save.
 * @param {LibraryContext} ctx
 * @param {Highlight} highlight
 */
function highlightNote(ctx, highlight) {
  const area = el('textarea', {
    class: 'highlight-note',
    rows: 2,
    maxlength: 10000,
    placeholder: 'A note about this passage (optional)',
    'aria-label': 'Your note about this passage',
  });
  /** @type {HTMLTextAreaElement} */ (area).value = highlight.note ?? '';
  const form = el(
    'form',
    { class: 'highlight-note-form' },
    area,
    el('button', { type: 'submit', class: 'button quiet small save-note', text: 'Save note' }),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    ctx.noteHighlight(highlight, /** @type {HTMLTextAreaElement} */ (area).value);
  });
  return form;
}

/**
 * A text-size button: the short glyph is what the eye reads, the words are its name for a screen
 * reader, so the visible text never contradicts the accessible name.
 * @param {string} id
 * @param {string} glyph
 * @param {string} name
 * @param {() => void} onclick
 */
function sizeButton(id, glyph, name, onclick) {
  return el(
    'button',
    { type: 'button', class: 'button quiet small', id, title: name, onclick },
    el('span', { 'aria-hidden': 'true', text: glyph }),
    el('span', { class: 'visually-hidden', text: name }),
  );
}
