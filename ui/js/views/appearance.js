// @ts-check
// The top of Settings: theme, text size and the parent's name on reports, saved as soon as
// they change; and applying theme and text size to the page. Pure: builds DOM.

import { el } from '../dom.js';

const THEMES = [
  ['system', 'Match this computer'],
  ['light', 'Light'],
  ['dark', 'Dark'],
  ['night', 'Night (very dim)'],
];

const TEXT_SIZES = [
  ['small', 'Small'],
  ['medium', 'Medium'],
  ['large', 'Large'],
  ['larger', 'Larger'],
];

/**
 * @param {import('../types.js').Settings} settings
 * @param {(key: string, value: string) => void} onChange
 * @returns {HTMLElement}
 */
export function appearanceView(settings, onChange) {
  return el(
    'section',
    { class: 'settings', 'aria-labelledby': 'settings-title' },
    el('h1', { id: 'settings-title', text: 'Settings' }),
    choice('theme', 'Colours', THEMES, settings.theme, onChange),
    choice('textSize', 'Text size', TEXT_SIZES, settings.textSize, onChange),
    el(
      'label',
      { class: 'field parent-name' },
      el('span', { class: 'field-label', text: 'Your name on reports (optional)' }),
      el('input', {
        type: 'text',
        id: 'parent-name',
        maxlength: 60,
        value: settings.parentName ?? '',
        autocomplete: 'name',
        onchange: (/** @type {Event} */ e) =>
          onChange('parentName', /** @type {HTMLInputElement} */ (e.target).value.trim()),
      }),
    ),
  );
}

/**
 * @param {string} key
 * @param {string} legend
 * @param {string[][]} options
 * @param {string} current
 * @param {(key: string, value: string) => void} onChange
 */
function choice(key, legend, options, current, onChange) {
  return el(
    'fieldset',
    { class: 'choice' },
    el('legend', { text: legend }),
    el(
      'div',
      { class: 'choice-row' },
      ...options.map(([value, label]) =>
        el(
          'label',
          {},
          el('input', {
            type: 'radio',
            name: key,
            value,
            checked: value === current,
            onchange: () => onChange(key, value),
          }),
          label,
        ),
      ),
    ),
  );
}

/**
 * Applies the settings to the document: theme and text size are attributes on <html>.
 * @param {import('../types.js').Settings} settings
 */
export function applyAppearance(settings) {
  const root = document.documentElement;
  if (settings.theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = settings.theme;
  root.dataset.textSize = settings.textSize;
}
