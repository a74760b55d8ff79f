// @ts-check
// The check-in form: a few optional questions in one dialog, in the order they are read.
// Pure: builds DOM from what it is given and hands the answers to `onSave`.

import { el } from '../dom.js';
import { CHECK_IN_SCALES, SAFETY, SUPPORTED, readCheckIn, sleepHoursText } from './model.js';

/**
 * @typedef {import('../types.js').CheckIn} CheckIn
 * @typedef {import('../types.js').CheckInInput} CheckInInput
 * @typedef {{
 *   onSave: (input: CheckInInput) => Promise<void>,
 *   onClose: () => void,
 *   onRemove: ((checkIn: CheckIn) => void)|null,
 *   when: {takenAt: string, utcOffsetSeconds: number},
 * }} FormActions when is the time a new check-in is taken at; an edit keeps its own
 */

/**
 * @param {CheckIn|null} checkIn null for a new check-in
 * @param {FormActions} actions
 * @returns {HTMLFormElement}
 */
export function checkInForm(checkIn, actions) {
  const error = el('p', {
    class: 'editor-error',
    id: 'check-in-error',
    role: 'alert',
    tabindex: '-1',
    hidden: true,
  });
  const form = /** @type {HTMLFormElement} */ (
    el(
      'form',
      { class: 'editor-form check-in-form', id: 'check-in-form', novalidate: true },
      el('h2', {
        id: 'check-in-title',
        tabindex: '-1',
        text: checkIn ? 'Your check-in' : 'A gentle check-in',
      }),
      el('p', {
        class: 'hint',
        id: 'check-in-intro',
        text: 'Every question is optional, and there are no right answers or scores. What you write stays on this computer.',
      }),
      scale('mood', checkIn?.mood ?? null),
      scale('closeness', checkIn?.closeness ?? null),
      scale('worry', checkIn?.worry ?? null),
      sleepField(checkIn?.sleepMinutes ?? null),
      choices('supported', 'Have you felt supported today?', SUPPORTED, checkIn?.supported ?? null),
      safetyField(checkIn?.safety ?? null),
      noteField(checkIn?.note ?? ''),
      el(
        'label',
        { class: 'check' },
        el('input', {
          type: 'checkbox',
          id: 'check-in-report',
          name: 'inReport',
          checked: checkIn?.inReport ?? false,
        }),
        'Include this check-in in my therapist report',
      ),
      error,
      buttons(checkIn, actions),
    )
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    save(form, checkIn, actions, error);
  });
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) form.requestSubmit();
  });
  return form;
}

/**
 * @param {HTMLFormElement} form
 * @param {CheckIn|null} checkIn
 * @param {FormActions} actions
 * @param {HTMLElement} error
 */
async function save(form, checkIn, actions, error) {
  const when = checkIn
    ? { takenAt: checkIn.takenAt, utcOffsetSeconds: checkIn.utcOffsetSeconds }
    : actions.when;
  const input = readCheckIn(formValues(form), when);
  if (typeof input === 'string') return showError(error, input);
  try {
    await actions.onSave(input);
  } catch (err) {
    showError(error, /** @type {Error} */ (err).message);
  }
}

/** @param {HTMLElement} error @param {string} message */
function showError(error, message) {
  error.textContent = message;
  error.hidden = false;
  error.focus();
}

/** @param {HTMLFormElement} form */
function formValues(form) {
  const checked = (name) =>
    /** @type {HTMLInputElement|null} */ (form.querySelector(`input[name="${name}"]:checked`))
      ?.value ?? '';
  const field = (name) => /** @type {HTMLInputElement} */ (form.elements.namedItem(name));
  return {
    mood: checked('mood'),
    closeness: checked('closeness'),
    worry: checked('worry'),
    supported: checked('supported'),
    safety: checked('safety'),
    sleep: field('sleep').value,
    note: field('note').value,
    inReport: field('inReport').checked,
  };
}

/**
 * A 1–5 question with words at both ends; each point is named for a screen reader.
 * @param {import('./model.js').ScaleName} name
 * @param {number|null} current
 */
function scale(name, current) {
  const words = CHECK_IN_SCALES[name];
  const pointName = (n) =>
    n === 1 ? `1 of 5, ${words.low}` : n === 5 ? `5 of 5, ${words.high}` : `${n} of 5`;
  return el(
    'fieldset',
    { class: 'scale check-in-scale', id: `check-in-${name}` },
    el('legend', { text: words.label }),
    el('span', { class: 'scale-end', 'aria-hidden': 'true', text: words.low }),
    el(
      'span',
      { class: 'scale-points' },
      ...[1, 2, 3, 4, 5].map((n) =>
        el(
          'label',
          { class: 'scale-point' },
          el('input', {
            type: 'radio',
            name,
            value: n,
            checked: current === n,
            'aria-label': pointName(n),
          }),
          el('span', { 'aria-hidden': 'true', text: String(n) }),
        ),
      ),
    ),
    el('span', { class: 'scale-end', 'aria-hidden': 'true', text: words.high }),
    clearButton(words.label),
  );
}

/** A quiet button that takes an answer back. @param {string} question */
function clearButton(question) {
  return el('button', {
    type: 'button',
    class: 'link-button',
    text: 'Clear',
    'aria-label': `Clear the answer to \u201c${question}\u201d`,
    onclick: (/** @type {Event} */ e) => {
      /** @type {HTMLElement} */ (e.currentTarget)
        .closest('fieldset')
        ?.querySelectorAll('input')
        .forEach((i) => {
          i.checked = false;
        });
    },
  });
}

/** @param {number|null} minutes */
function sleepField(minutes) {
  return el(
    'div',
    { class: 'field check-in-sleep' },
    el('label', {
      class: 'field-label',
      for: 'check-in-sleep',
      text: 'About how many hours have you slept in the last 24 hours?',
    }),
    el('span', {
      class: 'hint',
      id: 'check-in-sleep-hint',
      text: 'Add up the bits and pieces; a guess is fine. Quarter hours count: 4.75 is four and three quarters.',
    }),
    el('input', {
      type: 'number',
      id: 'check-in-sleep',
      name: 'sleep',
      min: 0,
      max: 24,
      step: 0.25,
      inputmode: 'decimal',
      value: sleepHoursText(minutes),
      'aria-describedby': 'check-in-sleep-hint',
    }),
  );
}

/**
 * Radio answers to one question, any of which can be taken back.
 * @param {string} name
 * @param {string} question
 * @param {string[][]} options
 * @param {string|null} current
 */
function choices(name, question, options, current) {
  return el(
    'fieldset',
    { class: 'choice check-in-choice', id: `check-in-${name}` },
    el('legend', { text: question }),
    el(
      'div',
      { class: 'choice-row' },
      ...options.map(([value, label]) =>
        el(
          'label',
          {},
          el('input', { type: 'radio', name, value, checked: current === value }),
          label,
        ),
      ),
    ),
    clearButton(question),
  );
}

/** The safety question, asked kindly and separating thoughts from intent. @param {string|null} current */
function safetyField(current) {
  const question = 'Have you had thoughts of harming yourself or your baby?';
  return el(
    'fieldset',
    {
      class: 'choice check-in-choice check-in-safety',
      id: 'check-in-safety',
      'aria-describedby': 'check-in-safety-hint',
    },
    el('legend', { text: question }),
    el('p', {
      class: 'hint',
      id: 'check-in-safety-hint',
      text: 'Many new parents have sudden, unwanted thoughts like these, and having them does not make you a bad parent. If you answer yes, Nestling will show you who can help.',
    }),
    el(
      'div',
      { class: 'choice-row choice-column' },
      ...SAFETY.map(([value, label]) =>
        el(
          'label',
          {},
          el('input', { type: 'radio', name: 'safety', value, checked: current === value }),
          label,
        ),
      ),
    ),
    clearButton(question),
  );
}

/** @param {string} note */
function noteField(note) {
  const area = el('textarea', { id: 'check-in-note', name: 'note', rows: 4, maxlength: 100000 });
  /** @type {HTMLTextAreaElement} */ (area).value = note;
  return el(
    'label',
    { class: 'field' },
    el('span', { class: 'field-label', text: 'Anything else you want to remember about today?' }),
    area,
  );
}

/**
 * @param {CheckIn|null} checkIn
 * @param {FormActions} actions
 */
function buttons(checkIn, actions) {
  const remove = actions.onRemove;
  return el(
    'div',
    { class: 'editor-actions' },
    el('button', { type: 'submit', class: 'button', id: 'check-in-save', text: 'Save' }),
    el('button', {
      type: 'button',
      class: 'button quiet',
      id: 'check-in-close',
      onclick: actions.onClose,
      text: 'Close',
    }),
    checkIn && remove
      ? el('button', {
          type: 'button',
          class: 'button quiet danger',
          id: 'check-in-delete',
          onclick: () => remove(checkIn),
          text: 'Move to trash',
        })
      : null,
  );
}
