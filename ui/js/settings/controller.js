// @ts-check
// The Settings screen's controller: saves a changed setting and applies it, and puts the
// screen together from the parts each feature owns (appearance, check-in, babies and kinds,
// care team, sharing with the partner's computer, privacy). Every part is a pure view; this and the features' controllers call Rust.

import { makeAttempt } from '../attempt.js';
import { later } from '../later.js';
import { appearanceView, applyAppearance } from '../views/appearance.js';

/** @typedef {import('../types.js').Settings} Settings */

/**
 * @param {{
 *   api: typeof import('../api.js'),
 *   state: ReturnType<typeof import('../state.js').createState>,
 *   toast: ReturnType<typeof import('../views/toast.js').createToast>,
 *   notice: ReturnType<typeof import('../views/notice.js').createNotice>,
 *   redraw: () => void,
 *   session: import('../privacy/controller.js').SessionActions & {settingsChanged: (settings: Settings) => void},
 *   journal: {catalog: import('../journal/catalog.js').Catalog, manage: import('../journal/manage.js').ManageIntents},
 *   checkInPart: (settings: Settings) => HTMLElement,
 *   teamPart: () => Promise<HTMLElement>,
 *   sharingPart: () => Promise<HTMLElement>,
 * }} deps
 */
export function createSettings({
  api,
  state,
  toast,
  notice,
  redraw,
  session,
  journal,
  checkInPart,
  teamPart,
  sharingPart,
}) {
  const attempt = makeAttempt(notice, api.toAppError, redraw);

  /** Saves one setting, by its camelCase name, and applies every setting Rust sends back. */
  async function change(/** @type {string} */ key, /** @type {string} */ value) {
    await attempt(async () => {
      const settings = await api.setSetting(key, value);
      applyAppearance(settings);
      session.settingsChanged(settings);
      state.update({ settings });
    });
  }

  // The parts only Settings shows are read the first time Settings is opened.
  const privacy = later(async () => {
    const { createPrivacy } = await import('../privacy/controller.js');
    return createPrivacy({ api, attempt, toast, session, change });
  });
  const manage = later(() => import('../journal/manage.js'));

  return {
    change,
    /**
     * The whole Settings screen, read afresh; at sharing when `part` is "sharing" (the header's
     * mark opens it there).
     * @param {string} [part]
     */
    async view(part = '') {
      const [{ manageView }, privacyPart] = await Promise.all([manage(), privacy()]);
      const settings = /** @type {Settings} */ (state.get().settings);
      const section = appearanceView(settings, change);
      section.append(checkInPart(settings));
      section.append(manageView(journal.catalog.data, journal.manage));
      section.append(await teamPart());
      section.append(await sharingPart());
      section.append(await privacyPart.view(settings));
      if (part === 'sharing') requestAnimationFrame(() => showPart('sharing-title'));
      return section;
    },
  };
}

/** Brings a part of Settings into view and moves the focus to its heading. @param {string} id */
function showPart(id) {
  const heading = document.getElementById(id);
  heading?.scrollIntoView({ block: 'start' });
  heading?.focus({ preventScroll: true });
}
