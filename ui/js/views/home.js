// The home screen: today's date, a greeting and the two ways in.

import { el } from '../dom.js';
import { encouragementFor, formatToday, greetingFor } from '../greeting.js';

/**
 * @param {Date} now
 * @returns {HTMLElement}
 */
export function homeView(now) {
  return el('section', { class: 'home', 'aria-labelledby': 'home-title' },
    el('p', { class: 'today-date', id: 'today-date', text: formatToday(now) }),
    el('h1', { class: 'greeting', id: 'home-title', text: greetingFor(now) }),
    el('p', { class: 'lede', text: encouragementFor(now) }),
    el('div', { class: 'cards' },
      card('log-card', 'Nothing logged yet today',
        'When you feed, change, rock or hold your baby skin to skin, one click keeps the moment and how you felt.',
        'Log a moment', '#journal'),
      card('read-card', 'Something to read',
        'Short, kind articles about bonding, tiredness and feelings that take their time. They work offline.',
        'Read', '#library'),
    ),
  );
}

/**
 * @param {string} id
 * @param {string} title
 * @param {string} body
 * @param {string} action
 * @param {string} href
 */
function card(id, title, body, action, href) {
  return el('article', { class: 'card', id, 'aria-labelledby': `${id}-title` },
    el('h2', { id: `${id}-title`, text: title }),
    el('p', { text: body }),
    el('a', { class: 'button', href, text: action }),
  );
}
