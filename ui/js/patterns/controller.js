// @ts-check
// The Patterns screen's controller: the range, baby and kind the parent chose (kept for this
// window), the one `patterns` call that brings the weekly figures, sentences and charts drawn
// in Rust, and the theme the charts are drawn in. The view is pure.

import { patternsView, RANGES } from './view.js';

/**
 * @typedef {import('../types.js').PatternsRequest} PatternsRequest
 * @typedef {{range: string, babyId: number|null, kindId: string|null}} Choice
 * @typedef {ReturnType<typeof createPatterns>} PatternsContext
 */

/**
 * @param {{
 *   api: typeof import('../api.js'),
 *   catalog: import('../journal/catalog.js').Catalog,
 *   theme: () => 'system'|'light'|'dark'|'night',
 *   prefersDark: () => boolean,
 *   redraw: () => void,
 * }} deps
 */
export function createPatterns({ api, catalog, theme, prefersDark, redraw }) {
  /** @type {Choice} */
  const choice = { range: RANGES[0].value, babyId: null, kindId: null };

  const ctx = {
    /** @param {Partial<Choice>} change */
    choose(change) {
      Object.assign(choice, change);
      redraw();
    },
    /** Reads the figures for the choice; a failure reaches the router, which shows it. */
    async view() {
      await catalog.load();
      const patterns = await api.patterns(request(choice, chartTheme(theme(), prefersDark())));
      return patternsView(ctx, {
        choice,
        patterns,
        babies: catalog.activeBabies(),
        kinds: catalog.visibleKinds(),
      });
    },
  };
  return ctx;
}

/**
 * The request for a choice: the range's value is "all" or a number of weeks.
 * @param {Choice} choice
 * @param {'light'|'dark'|'night'} theme
 * @returns {PatternsRequest}
 */
export function request(choice, theme) {
  return {
    range: choice.range === 'all' ? 'all' : { weeks: Number(choice.range) },
    babyId: choice.babyId,
    kindId: choice.kindId,
    theme,
  };
}

/**
 * The charts' theme: the page's own, or the system's light or dark when it follows the system.
 * @param {'system'|'light'|'dark'|'night'} setting
 * @param {boolean} prefersDark
 * @returns {'light'|'dark'|'night'}
 */
export function chartTheme(setting, prefersDark) {
  if (setting === 'system') return prefersDark ? 'dark' : 'light';
  return setting;
}
