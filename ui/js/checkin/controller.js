// @ts-check
// The check-in's behaviour: what each action sends to Rust, when Help opens after a save, and
// what Today, Settings and the Journal show of it.

import { makeAttempt, makeQuietAttempt } from '../attempt.js';
import { loadForEditing } from '../editing.js';
import { el } from '../dom.js';
import { toLocalDate, withOffset } from '../format.js';
import { currentOffsetSeconds } from '../journal/catalog.js';
import { checkInRow, checkInSettings, invitation, lowMoodCard, offerCard } from './cards.js';
import { helpAfterSave, todayOffer } from './model.js';
import { later } from '../later.js';

/**
 * @typedef {ReturnType<typeof createCheckIn>} CheckInContext
 * @typedef {import('../types.js').CheckIn} CheckIn
 * @typedef {import('../types.js').CheckInInput} CheckInInput
 * @typedef {import('../types.js').Settings} Settings
 */

/** What a toast says after a save, by the help the answers call for. */
const SAVED_WORDS = {
  none: 'Check-in saved. Thank you for taking a minute for yourself.',
  soon: 'Check-in saved. Thoughts like these are common and help works: here is who you can talk to.',
  now: 'Check-in saved. You deserve help right now, and you don\u2019t have to wait.',
};

/**
 * @param {{
 *   api: typeof import('../api.js'),
 *   toast: ReturnType<typeof import('../views/toast.js').createToast>,
 *   notice: ReturnType<typeof import('../views/notice.js').createNotice>,
 *   now: () => Date,
 *   redraw: () => void,
 *   changeSetting: (key: string, value: string) => Promise<void>,
 * }} deps
 */
export function createCheckIn({ api, toast, notice, now, redraw, changeSetting }) {
  const dialog = /** @type {HTMLDialogElement} */ (
    el('dialog', {
      id: 'check-in',
      class: 'editor check-in-dialog',
      'aria-labelledby': 'check-in-title',
    })
  );
  document.body.append(dialog);
  // Help (F1) opens over anything: a check-in left open must not hide it.
  window.addEventListener('hashchange', () => {
    if (dialog.open) dialog.close();
  });
  const attempt = makeAttempt(notice, api.toAppError, () => redraw());
  const attemptQuietly = makeQuietAttempt(notice, api.toAppError, () => redraw());
  /** The local day on which the parent said "not now" to the invitation. */
  let putAwayOn = '';

  /** The form's module, read the first time a check-in is opened. */
  const form = later(() => import('./form.js'));

  /** Opens the form on a new check-in, or on the whole of an existing one read afresh. */
  const open = (/** @type {CheckIn|null} */ listed) =>
    attemptQuietly(async () => {
      const checkIn =
        listed && (await loadForEditing(() => api.getCheckIn(listed.id), 'This check-in'));
      showForm(checkIn, (await form()).checkInForm);
    });

  /**
   * @param {CheckIn|null} checkIn
   * @param {typeof import('./form.js').checkInForm} checkInForm
   */
  function showForm(checkIn, checkInForm) {
    dialog.replaceChildren(
      checkInForm(checkIn, {
        when: { takenAt: withOffset(now()), utcOffsetSeconds: currentOffsetSeconds() },
        onSave: (input) => save(input, checkIn),
        onClose: () => dialog.close(),
        onRemove: (shown) => {
          dialog.close();
          remove(shown);
        },
      }),
    );
    dialog.showModal();
    /** @type {HTMLElement|null} */ (dialog.querySelector('#check-in-title'))?.focus();
  }

  /** @param {CheckInInput} input @param {CheckIn|null} checkIn */
  async function save(input, checkIn) {
    const saved = checkIn
      ? await api.updateCheckIn(checkIn.id, input)
      : await api.addCheckIn(input);
    dialog.close();
    const route = helpAfterSave(checkIn, saved);
    toast.show(route ? SAVED_WORDS[saved.helpNeed] : checkIn ? 'Changes saved.' : SAVED_WORDS.none);
    if (route) location.hash = route;
    else redraw();
  }

  /** @param {CheckIn} checkIn */
  const remove = (checkIn) =>
    attempt(async () => {
      await api.deleteCheckIn(checkIn.id);
      toast.show('Check-in moved to the trash.', { label: 'Undo', run: () => restore(checkIn) });
    });

  /** @param {CheckIn} checkIn */
  const restore = (checkIn) =>
    attempt(async () => {
      await api.restoreCheckIn(checkIn.id);
      toast.show('Check-in restored.');
    });

  /** @param {string} today */
  const putAwayLowMood = (today) => changeSetting('lowMoodCardDismissedOn', today);

  return {
    open,
    isOpen: () => dialog.open,
    /** Closes the form, unsaved answers and all (the journal is locking). */
    close() {
      if (dialog.open) dialog.close();
      dialog.replaceChildren();
    },
    /** What Today shows of the check-in, in the order it is read. @param {Settings} settings */
    async todayCards(settings) {
      const today = toLocalDate(now());
      const prompts = await api.checkInPrompts(today);
      const shown = todayOffer(settings, prompts, putAwayOn === today);
      return [
        shown.lowMood
          ? lowMoodCard({
              onPutAway: () => putAwayLowMood(today),
              onSwitchOff: () => changeSetting('lowMoodCard', 'off'),
            })
          : null,
        shown.offer ? offerCard((frequency) => changeSetting('checkIn', frequency)) : null,
        shown.invite
          ? invitation(
              () => open(null),
              () => {
                putAwayOn = today;
                redraw();
              },
            )
          : null,
      ].filter((node) => node !== null);
    },
    /** @param {Settings} settings */
    settings: (settings) => checkInSettings(settings, changeSetting),
    /** @param {string} from @param {string} to */
    list: (from, to) => api.listCheckIns(from, to),
    /** @param {CheckIn} checkIn */
    row: (checkIn) => checkInRow(checkIn, open),
    trashed: () => api.listTrashedCheckIns(),
    restore,
  };
}
