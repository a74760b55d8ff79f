// @ts-check
// The lock and recovery flow: opening the journal (or finding it locked, damaged or missing),
// unlocking it, locking it by hand or when idle, reading everything afresh after a restore, a
// passphrase change or an erase, and the screens that stand in front of every other screen
// while the journal is not open.

import { problemView } from '../views/problem.js';
import { applyAppearance } from '../views/appearance.js';
import { createIdleLock } from './idle.js';
import { lockView } from './lock.js';
import { recoveryCodeView, recoveryView } from './recovery.js';

/** Failures to open the journal that a backup can mend. */
const RECOVERABLE = ['damaged', 'not_a_database'];

/** What `gate()` answers while the journal is still being read: draw nothing yet. */
export const WAITING = 'waiting';

/**
 * @param {{
 *   api: typeof import('../api.js'),
 *   state: ReturnType<typeof import('../state.js').createState>,
 *   toast: ReturnType<typeof import('../views/toast.js').createToast>,
 *   attempt: (action: () => Promise<unknown>) => Promise<void>,
 *   journal: {loadCatalog: () => Promise<void>, drafts: import('../journal/drafts.js').Drafts, closeEditor: () => void},
 *   checkIn: {close: () => void},
 * }} deps
 */
export function createSession({ api, state, toast, attempt, journal, checkIn }) {
  const idle = createIdleLock(
    () => lockNow(),
    undefined,
    () => api.stillHere(),
  );
  state.subscribe(() => {
    document.body.dataset.locked = String(state.get().locked);
  });

  /** Closes the journal now; the lock screen asks for the passphrase again. */
  async function lockNow() {
    if (!state.get().home?.encrypted) return;
    await journal.drafts.settled();
    await attempt(() => api.lock());
    journal.drafts.forget();
    state.update({ locked: true, home: null });
  }

  /** @param {string} secret */
  async function unlock(secret) {
    try {
      await api.unlock(secret);
    } catch (err) {
      // A damaged journal goes on to the recovery screen; anything else stays on the lock screen.
      if (!['damaged', 'not_a_database', 'not_locked'].includes(api.toAppError(err).kind))
        throw err;
    }
    // What is shown next is what Rust says the journal is now, never assumed.
    state.update({ locked: false });
    await load();
  }

  /** After a restore, a passphrase change or an erase: everything is read afresh. */
  async function reopen() {
    state.update({ home: null, problem: null, recovery: null });
    await load();
  }

  /** @param {string} name @param {string|null} secret */
  async function recoverWith(name, secret) {
    await attempt(async () => {
      const { setAside } = await api.recoverFromBackup(name, secret);
      toast.show(`Your journal was restored. The damaged file was kept in ${setAside}.`);
      await reopen();
    });
  }

  /** Opens the journal, or finds out why it cannot be opened. */
  async function load() {
    // The four reads are asked for at once (each waits for none of the others) and looked at
    // in order: when the journal is locked, the three after the first are not looked at.
    const asked = api.lockState();
    const homeRead = api.getHome();
    const listsRead = Promise.all([journal.loadCatalog(), journal.drafts.load()]);
    homeRead.catch(() => {});
    listsRead.catch(() => {});
    try {
      const { locked } = await asked;
      if (locked) return state.update({ locked: true });
      const home = await homeRead;
      applyAppearance(home.settings);
      showDataFolder(home.dataDir);
      await listsRead;
      configureIdle(home.encrypted, home.settings);
      state.update({ home, settings: home.settings });
    } catch (err) {
      const problem = api.toAppError(err);
      if (problem.kind === 'locked') return state.update({ locked: true });
      if (RECOVERABLE.includes(problem.kind))
        return state.update({ recovery: await api.recoveryState() });
      state.update({ problem });
    }
  }

  /** @param {boolean} encrypted @param {import('../types.js').Settings} settings */
  function configureIdle(encrypted, settings) {
    idle.configure(encrypted ? String(settings.lockAfterMinutes ?? 'never') : 'never');
  }

  return {
    load,
    lockNow,
    reopen,
    /** Shows the recovery code once, in front of everything, until it is written down. @param {string} code */
    showRecoveryCode: (code) => state.update({ recoveryCode: code }),
    /** A setting changed: the idle lock follows the new waiting time. @param {import('../types.js').Settings} settings */
    settingsChanged(settings) {
      if (state.get().home?.encrypted) configureIdle(true, settings);
    },
    /**
     * The screen that stands in front of every other one while the journal is not open, or
     * `WAITING` while it is being read, or null when the journal is open.
     * @returns {HTMLElement|typeof WAITING|null}
     */
    gate() {
      const { home, settings, problem, locked, recovery, recoveryCode } = state.get();
      if (locked) {
        checkIn.close(); // answers never stay on screen over the lock
        journal.closeEditor(); // nor does a note being written (its draft is kept in the journal)
        return lockView(unlock, api.toAppError);
      }
      if (recoveryCode)
        return recoveryCodeView(recoveryCode, () => {
          state.update({ recoveryCode: null });
          reopen();
        });
      if (recovery) return recoveryView(recovery, recoverWith);
      if (problem) return problemView(problem);
      return home && settings ? null : WAITING;
    },
  };
}

/** @param {string} dir */
function showDataFolder(dir) {
  const note = document.getElementById('data-note');
  if (note)
    note.textContent = `Nestling works offline. Your journal is kept only on this computer, in ${dir}`;
}
