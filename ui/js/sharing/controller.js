// @ts-check
// Sharing's behaviour: what each step of pairing sends to Rust, the status kept for the header
// mark, the editor and the rows, and what the page does when a background exchange changed
// something. The Settings section is redrawn in place, so nothing else typed on the screen is
// lost; the views (section.js, indicator.js) only build DOM.

import { replace } from '../dom.js';
import { indicatorView } from './indicator.js';
import { idlePairing, sharingSection } from './section.js';

/**
 * @typedef {import('../types.js').SharingStatus} SharingStatus
 * @typedef {import('./section.js').PairingState} PairingState
 */

/**
 * @param {{
 *   api: typeof import('../api.js'),
 *   toast: ReturnType<typeof import('../views/toast.js').createToast>,
 *   settings: () => import('../types.js').Settings|null,
 *   changeSetting: (key: string, value: string) => Promise<void>,
 *   now: () => Date,
 *   indicatorSlot: HTMLElement|null,
 * }} deps
 */
export function createSharing({ api, toast, settings, changeSetting, now, indicatorSlot }) {
  /** @type {SharingStatus|null} */
  let status = null;
  /** @type {PairingState} */
  let pairing = idlePairing();
  /** @type {HTMLElement|null} the section on screen, redrawn in place */
  let shown = null;

  /** Draws the section again where it is, then focuses `focus` (an element id) if given. */
  function redrawSection(focus = '') {
    if (shown?.isConnected && status) {
      const fresh = section();
      shown.replaceWith(fresh);
      shown = fresh;
    }
    drawIndicator();
    if (focus) /** @type {HTMLElement|null} */ (document.getElementById(focus))?.focus();
  }

  function section() {
    const chosen = /** @type {import('../types.js').Settings} */ (settings());
    return sharingSection(/** @type {SharingStatus} */ (status), pairing, chosen, intents, now());
  }

  function drawIndicator() {
    if (indicatorSlot) replace(indicatorSlot, ...indicatorView(status, showSection));
  }

  /** Opens Settings at this section (from the header mark). */
  function showSection() {
    if (location.hash !== '#settings/sharing') location.hash = '#settings/sharing';
    else document.getElementById('sharing-title')?.focus();
  }

  /**
   * Runs one step; a refusal shows inside the section, in Rust's words.
   * @param {() => Promise<string>} action answers the id of the element to focus next
   */
  async function step(action) {
    pairing.error = null;
    pairing.busy = true;
    let focus = '';
    try {
      focus = (await action()) ?? '';
    } catch (err) {
      pairing.error = api.toAppError(err).message;
      focus = 'sharing-error';
    }
    pairing.busy = false;
    redrawSection(focus);
  }

  /** @type {import('./section.js').SharingIntents} */
  const intents = {
    showCode: () =>
      step(async () => {
        pairing = { ...idlePairing(), mode: 'offer', offer: await api.beginPairing() };
        return 'pairing-code';
      }),
    haveCode: () =>
      step(async () => {
        pairing = { ...idlePairing(), mode: 'typing' };
        return 'sharing-code';
      }),
    typeCode(code) {
      pairing.code = code;
    },
    checkCode: () =>
      step(async () => {
        pairing.phrase = null;
        pairing.phrase = (await api.checkPairingCode(pairing.code)).phrase;
        return 'check-phrase';
      }),
    typeName(name) {
      pairing.name = name;
    },
    chooseFolder: () =>
      step(async () => {
        const folder = await api.chooseShareFolder();
        if (folder) pairing.folder = folder;
        return folder ? 'sharing-confirm' : 'sharing-choose-folder';
      }),
    confirm: () =>
      step(async () => {
        status = await api.confirmPairing(pairing.name.trim());
        pairing = idlePairing();
        toast.show('Paired. Moments of care will now reach the other computer.');
        return 'sharing-title';
      }),
    cancel: () =>
      step(async () => {
        pairing = idlePairing();
        await api.cancelPairing();
        return 'sharing-show-code';
      }),
    syncNow: () =>
      step(async () => {
        status = await api.syncNow();
        return 'sharing-sync-now';
      }),
    askUnpair: () =>
      step(async () => {
        pairing.askingUnpair = true;
        return 'sharing-unpair-no';
      }),
    keepSharing: () =>
      step(async () => {
        pairing.askingUnpair = false;
        return 'sharing-unpair';
      }),
    unpair: () =>
      step(async () => {
        pairing.askingUnpair = false;
        await api.unpair();
        status = await api.sharingStatus();
        toast.show('Sharing stopped. Every moment stays on this computer.');
        return 'sharing-title';
      }),
    shareByDefault: (on) => {
      changeSetting('shareFeelingsByDefault', on ? 'on' : 'off');
    },
  };

  return {
    /** The status as last read, or null before the journal opened. */
    status: () => status,
    /** Whether this journal is paired, as last read. */
    paired: () => Boolean(status?.paired),
    /** Reads the status afresh and shows it (the header mark, and the section if shown). */
    async refresh() {
      try {
        status = await api.sharingStatus();
      } catch {
        status = null; // locked, or not open: the mark goes
      }
      redrawSection();
    },
    /** Forgets the status when the journal closes; a pairing begun goes with it. */
    forget() {
      status = null;
      pairing = idlePairing();
      drawIndicator();
    },
    /** The section for Settings, read afresh. */
    async view() {
      status = await api.sharingStatus();
      shown = section();
      drawIndicator();
      return shown;
    },
  };
}
