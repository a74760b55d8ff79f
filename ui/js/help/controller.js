// @ts-check
// The Help screen's controller: reads the shipped lines (once), the region, and the care team
// when the journal is open. It works on the lock and recovery screens, where only the lines and
// the region the computer suggests are known. It also keeps the care team that Settings shows.

import { makeAttempt } from '../attempt.js';
import { teamSettings } from './team.js';
import { ELSEWHERE, helpView, tierHeading } from './view.js';

/**
 * @param {{
 *   api: typeof import('../api.js'),
 *   notice: ReturnType<typeof import('../views/notice.js').createNotice>,
 *   journalOpen: () => boolean,
 *   savedRegion: () => string|null,
 *   saveRegion: (code: string) => Promise<void>,
 *   languages: () => readonly string[],
 *   redraw: () => void,
 * }} deps
 */
export function createHelp({
  api,
  notice,
  journalOpen,
  savedRegion,
  saveRegion,
  languages,
  redraw,
}) {
  const attempt = makeAttempt(notice, api.toAppError, () => redraw());
  /** @type {import('./team.js').TeamIntents} */
  const team = {
    add: (input) => attempt(() => api.addContact(input)),
    update: (id, input) => attempt(() => api.updateContact(id, input)),
    remove: (id) => attempt(() => api.removeContact(id)),
    reorder: (ids) => attempt(() => api.reorderContacts(ids)),
  };
  /** @type {import('../types.js').HelpLines|null} */
  let lines = null;
  /** A choice made while the journal is closed: kept for this window only. */
  let chosen = null;

  async function onRegion(code) {
    // Once the journal is open the saved setting is the one truth; a choice made while it was
    // closed only bridges the time until then.
    chosen = journalOpen() ? null : code;
    if (chosen === null) await saveRegion(code);
    redraw();
  }

  function region() {
    const code = chosen ?? savedRegion() ?? lines?.suggested ?? null;
    return code === ELSEWHERE ? null : code;
  }

  return {
    /** @param {string} tier "now", "soon", "support" or "" */
    async view(tier) {
      lines ??= await api.helpLines(languages());
      const contacts = journalOpen() ? await api.listContacts().catch(() => null) : null;
      const node = helpView({ lines, region: region(), contacts, tier, onRegion });
      window.setTimeout(() => document.getElementById(tierHeading(tier))?.focus(), 0);
      return node;
    },
    /** The care team, as Settings shows it. */
    async teamView() {
      return teamSettings(await api.listContacts(), team);
    },
  };
}
