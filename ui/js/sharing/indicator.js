// @ts-check
// The header's small mark while paired: "Shared with Noor", with a quiet note mark when the
// Settings section has something to say. A link, so it is reached by keyboard and opens
// Settings at sharing. Pure: builds DOM.

import { el } from '../dom.js';
import { indicator } from './model.js';

/**
 * What the header's slot holds: nothing when not paired.
 * @param {import('../types.js').SharingStatus|null} status
 * @param {() => void} open shows the section (the link's own address when already there)
 * @returns {Node[]}
 */
export function indicatorView(status, open) {
  const mark = indicator(status);
  if (!mark) return [];
  return [
    el(
      'a',
      {
        href: '#settings/sharing',
        class: mark.trouble ? 'sharing-indicator has-note' : 'sharing-indicator',
        id: 'sharing-indicator',
        'aria-label': mark.label,
        title: mark.label,
        onclick: (/** @type {Event} */ e) => {
          e.preventDefault();
          open();
        },
      },
      el('span', { class: 'sharing-dot', 'aria-hidden': 'true' }),
      el(
        'span',
        { class: 'sharing-indicator-text' },
        mark.lead ? el('span', { class: 'sharing-indicator-lead', text: mark.lead }) : null,
        mark.name,
      ),
      mark.trouble
        ? el('span', { class: 'sharing-note-mark', 'aria-hidden': 'true', text: 'i' })
        : null,
    ),
  ];
}
