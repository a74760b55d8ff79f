// @ts-check
// The privacy part of Settings: what each of its buttons and forms sends to Rust, and what
// the parent sees afterwards. The views (section.js, restore.js) only build DOM.

import { privacySection } from './section.js';
import { restoredText } from './restore.js';

/**
 * @typedef {import('./section.js').PrivacyIntents} PrivacyIntents
 * @typedef {{
 *   lockNow: () => Promise<void>,
 *   reopen: () => Promise<void>,
 *   showRecoveryCode: (code: string) => void,
 * }} SessionActions what the lock and recovery flow does for this part
 */

/**
 * @param {{
 *   api: typeof import('../api.js'),
 *   attempt: (action: () => Promise<unknown>) => Promise<void>,
 *   toast: ReturnType<typeof import('../views/toast.js').createToast>,
 *   session: SessionActions,
 *   change: (key: string, value: string) => Promise<void>,
 * }} deps
 */
export function createPrivacy({ api, attempt, toast, session, change }) {
  /** @type {PrivacyIntents} */
  const intents = {
    async setPassphrase(passphrase) {
      const { recoveryCode } = await api.setPassphrase(passphrase);
      session.showRecoveryCode(recoveryCode);
    },
    startAgain: (passphrase) =>
      attempt(async () => {
        const removed = await api.abandonUnfinishedPassphrase();
        const { recoveryCode } = await api.setPassphrase(passphrase);
        if (removed > 0)
          toast.show(
            removed === 1
              ? 'One older backup that only the forgotten passphrase could open was removed.'
              : `${removed} older backups that only the forgotten passphrase could open were removed.`,
          );
        session.showRecoveryCode(recoveryCode);
      }),
    async changePassphrase(current, next) {
      const { recoveryCode } = await api.changePassphrase(current, next);
      session.showRecoveryCode(recoveryCode);
    },
    async removePassphrase(current) {
      await api.removePassphrase(current);
      toast.show('Your journal is no longer encrypted.');
      session.reopen();
    },
    async newRecoveryCode(current) {
      const { recoveryCode } = await api.newRecoveryCode(current);
      session.showRecoveryCode(recoveryCode);
    },
    async removePlainSetAsides() {
      const removed = await api.removePlainSetAsides();
      toast.show(
        removed === 1
          ? 'The unencrypted copy was removed.'
          : `${removed} unencrypted copies were removed.`,
      );
      session.reopen();
    },
    backupNow: () =>
      attempt(async () => {
        await api.backupNow();
        toast.show('Backup made.');
      }),
    restoreBackup: (name, secret, when) =>
      attempt(async () => {
        await api.restoreBackup(name, secret);
        toast.show(`Restored the backup from ${when}.`);
        session.reopen();
      }),
    exportEverything: () =>
      attempt(async () => {
        const saved = await api.exportEverything();
        if (saved.fileName)
          toast.show(
            `Saved ${saved.fileName}. It holds every moment, private ones too: keep it safe.`,
          );
      }),
    async erase(words) {
      await api.eraseEverything(words);
      session.reopen();
    },
    lockNow: () => {
      session.lockNow();
    },
    change,
    restore: {
      choose: () => api.restoreChoose(),
      preview: () => api.restorePreview(),
      async apply(mode) {
        toast.show(restoredText(await api.restoreApply(mode)));
        session.reopen();
      },
      toAppError: api.toAppError,
    },
  };

  return {
    /** The Privacy and safety part of Settings. @param {import('../types.js').Settings} settings */
    async view(settings) {
      return privacySection(intents, await api.privacy(), settings);
    },
  };
}
