// Sections that are still being built say so plainly instead of pretending.

import { el } from '../dom.js';

const COPY = {
  library: ['The library', 'Offline articles about bonding are being written and arrive in the next update of Nestling.'],
};

/**
 * @param {'library'} section
 * @returns {HTMLElement}
 */
export function laterView(section) {
  const [title, body] = COPY[section];
  return el('section', { class: 'later', 'aria-labelledby': 'later-title' },
    el('h1', { id: 'later-title', text: title }),
    el('p', { class: 'lede', text: body }),
    el('a', { class: 'button quiet', href: '#home', text: 'Back to home' }),
  );
}
