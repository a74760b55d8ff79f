// @ts-check
// The Help screen: what to do now, today or tomorrow, and for support, with the parent's own
// care team and the lines of their region. Pure: builds DOM from what it is given.

import { el } from '../dom.js';

/** How each role reads on the Help screen and in Settings. */
export const ROLE_NAMES = {
  gp: 'GP / family doctor',
  midwife: 'Midwife',
  health_visitor: 'Health visitor / child health nurse',
  therapist: 'Therapist or counsellor',
  partner: 'Partner',
  friend: 'Friend',
  family: 'Family',
  other: 'Someone else',
};

/** The value of the region picker for "none of these". */
export const ELSEWHERE = 'elsewhere';

/**
 * @typedef {{
 *   lines: import('../types.js').HelpLines,
 *   region: string|null,
 *   contacts: import('../types.js').Contact[]|null,
 *   tier: string,
 *   onRegion: (code: string) => void,
 * }} HelpData contacts is null while the journal is closed
 */

/** @param {HelpData} data @returns {HTMLElement} */
export function helpView(data) {
  const region = data.lines.regions.find((r) => r.code === data.region) ?? null;
  return el(
    'section',
    { class: 'help', id: 'help', 'aria-labelledby': 'help-title' },
    el(
      'button',
      { type: 'button', class: 'button quiet small help-back', id: 'help-back', onclick: goBack },
      'Go back',
    ),
    el('h1', { id: 'help-title', tabindex: '-1', text: 'Help and support' }),
    el('p', {
      class: 'lead',
      text: 'You don\u2019t need to be sure something is wrong before you ask for help. Nestling cannot call anyone for you, but the people and numbers here can help. Nothing you do on this screen is kept or sent anywhere.',
    }),
    regionPicker(data.lines.regions, region, data.onRegion),
    nowSection(region),
    teamSection(data.contacts),
    soonSection(region),
    supportSection(region),
    el('p', {
      class: 'hint help-sources',
      text: 'Each number was checked on the page named beside it, on the date shown. Numbers can change: if a line does not answer, your local emergency number always will.',
    }),
  );
}

/** Back to where the parent was (the lock screen, the recovery screen, a page), or Today. */
function goBack() {
  if (history.length > 1) history.back();
  else location.hash = '#home';
}

/** The id of the heading a tier route (#help/now, #help/soon, #help/support) moves focus to. */
export function tierHeading(tier) {
  return (
    { now: 'help-now-title', soon: 'help-soon-title', support: 'help-support-title' }[tier] ??
    'help-title'
  );
}

function regionPicker(regions, region, onRegion) {
  const select = el(
    'select',
    {
      id: 'help-region',
      onchange: (/** @type {Event} */ e) =>
        onRegion(/** @type {HTMLSelectElement} */ (e.target).value),
    },
    ...regions.map((r) =>
      el('option', { value: r.code, selected: region?.code === r.code }, r.name),
    ),
    el('option', { value: ELSEWHERE, selected: !region }, 'Somewhere else'),
  );
  return el(
    'label',
    { class: 'field help-region' },
    el('span', { class: 'field-label', text: 'Show numbers for' }),
    select,
  );
}

function emergencyWords(region) {
  if (!region) return 'your local emergency number';
  return region.emergency.numbers.map((n) => n.display).join(' or ');
}

function nowSection(region) {
  return el(
    'section',
    { class: 'help-tier help-now card', id: 'help-now', 'aria-labelledby': 'help-now-title' },
    el('h2', { id: 'help-now-title', tabindex: '-1', text: 'Get help now' }),
    el(
      'p',
      {},
      'Call ',
      el('strong', { class: 'phone', id: 'help-emergency', text: emergencyWords(region) }),
      ' now, or ask someone with you to call, if:',
    ),
    el(
      'ul',
      {},
      el('li', {
        text: 'you are thinking of ending your life and have a plan, or feel you might act on it',
      }),
      el('li', { text: 'you feel you might act on a thought of harming your baby' }),
      el('li', {
        text: 'you, or someone close to you, notice signs of postpartum psychosis: confusion, seeing or hearing things others don\u2019t, feeling unusually high, excited or suspicious, or not sleeping for days even when you could.',
      }),
    ),
    el('p', {
      text: 'Postpartum psychosis is a medical emergency, and it is treatable. Getting help quickly is the best thing you can do for yourself and your baby.',
    }),
    linesList(region, ['crisis'], 'If you need to talk to someone right now:'),
  );
}

function teamSection(contacts) {
  const body =
    contacts === null
      ? [
          el('p', {
            text: 'Your care team is kept inside your encrypted journal. Open your journal to see them here.',
          }),
        ]
      : contacts.length === 0
        ? [
            el(
              'p',
              {},
              'Add the people you would turn to (your GP, midwife, health visitor, therapist, a friend) in ',
              el('a', { href: '#settings', text: 'Settings' }),
              ', and they will be here when you need them.',
            ),
          ]
        : [
            el(
              'ul',
              { class: 'plain-list help-team', id: 'help-team-list' },
              ...contacts.map(contactItem),
            ),
          ];
  return el(
    'section',
    { class: 'help-tier', id: 'help-team', 'aria-labelledby': 'help-team-title' },
    el('h2', { id: 'help-team-title', text: 'Your care team' }),
    ...body,
  );
}

/** @param {import('../types.js').Contact} contact */
function contactItem(contact) {
  return el(
    'li',
    { class: 'help-contact' },
    el('span', { class: 'help-contact-name', text: contact.name }),
    el('span', { class: 'hint', text: ` \u00b7 ${ROLE_NAMES[contact.role] ?? ''}` }),
    contact.phone ? el('div', { class: 'phone', text: contact.phone }) : null,
    contact.notes ? el('p', { class: 'help-contact-notes', text: contact.notes }) : null,
  );
}

function soonSection(region) {
  return el(
    'section',
    { class: 'help-tier', id: 'help-soon', 'aria-labelledby': 'help-soon-title' },
    el('h2', { id: 'help-soon-title', tabindex: '-1', text: 'Talk to someone today or tomorrow' }),
    el('p', { text: 'Contact your doctor, midwife, health visitor or therapist soon if:' }),
    el(
      'ul',
      {},
      el('li', {
        text: 'your mood has been low, or you have felt numb, on most days for two weeks or more',
      }),
      el('li', { text: 'you have panic attacks, or worry that will not settle' }),
      el('li', {
        text: 'unwanted, frightening thoughts keep coming back and upset you, even though you do not want to act on them',
      }),
      el('li', { text: 'you cannot sleep even when your baby is asleep' }),
    ),
    el('p', {
      text: 'These are common after a baby arrives, and help works. Having an unwanted thought is not the same as wanting it, and it does not mean you will act on it.',
    }),
    el(
      'p',
      {},
      'Read more: ',
      el('a', {
        href: '#article/unwanted-frightening-thoughts',
        text: 'Unwanted, frightening thoughts',
      }),
      ' \u00b7 ',
      el('a', { href: '#article/when-to-get-help', text: 'When to get help' }),
    ),
    linesList(
      region,
      ['perinatal'],
      'Lines for parents\u2019 mental health (not emergency services):',
    ),
  );
}

function supportSection(region) {
  return el(
    'section',
    { class: 'help-tier', id: 'help-support', 'aria-labelledby': 'help-support-title' },
    el('h2', { id: 'help-support-title', tabindex: '-1', text: 'Support for the days in between' }),
    el('p', {
      text: 'You deserve support even when nothing feels urgent. Your partner, a friend, family, other parents or a parent line can all make the load a little lighter.',
    }),
    linesList(region, ['parent', 'support'], 'Lines to talk things over:'),
  );
}

/**
 * The region's lines of the given kinds, or nothing when there are none.
 * @param {import('../types.js').Region|null} region
 * @param {string[]} kinds
 * @param {string} intro
 */
function linesList(region, kinds, intro) {
  const lines = (region?.lines ?? []).filter((line) => kinds.includes(line.kind));
  if (lines.length === 0) return null;
  return el(
    'div',
    { class: 'help-lines' },
    el('p', { text: intro }),
    el('ul', { class: 'plain-list' }, ...lines.map(lineItem)),
  );
}

/** @param {import('../types.js').Line} line */
function lineItem(line) {
  return el(
    'li',
    { class: 'help-line', 'data-kind': line.kind },
    el('strong', { class: 'help-line-name', text: line.name }),
    line.phone
      ? el('div', {}, 'Call ', el('span', { class: 'phone', text: numberText(line.phone) }))
      : null,
    line.text
      ? el(
          'div',
          {},
          'Text ',
          line.text.keyword ? `${line.text.keyword} to ` : '',
          el('span', { class: 'phone', text: line.text.number.display }),
        )
      : null,
    el('div', { class: 'hint', text: `${line.description} ${sentence(line.hours)}` }),
    el('div', {
      class: 'hint help-source',
      text: `Source: ${hostOf(line.source)}, checked ${line.checked}`,
    }),
  );
}

/** `text` ending in a full stop, unless it already ends a sentence. @param {string} text */
function sentence(text) {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** @param {import('../types.js').PhoneNumber} number */
function numberText(number) {
  return number.alias ? `${number.display} (${number.alias})` : number.display;
}

/** @param {string} url */
function hostOf(url) {
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return url;
  }
}
