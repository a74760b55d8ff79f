// @ts-check
// Sharing's words: what the status says, each trouble in plain words, the header's little
// mark, and a pairing code in groups. No DOM, no calls: the views show these, the tests read them.

/**
 * @typedef {import('../types.js').SharingStatus} SharingStatus
 * @typedef {import('../types.js').SharingTrouble} SharingTrouble
 */

/** The partner as a sentence names them: their name, or "your partner" before it is known. @param {SharingStatus|null} status */
export function partnerLabel(status) {
  return status?.partnerName || 'your partner';
}

/** The partner's name with a possessive: "Noor's", "your partner's". @param {SharingStatus|null} status */
export function partnersOwn(status) {
  return `${partnerLabel(status)}\u2019s`;
}

/** A code such as "7KQM-2XPA-…" as its groups of four, to show spaced apart. @param {string} code */
export function codeGroups(code) {
  return code.split('-').filter(Boolean);
}

/**
 * When something happened, said gently: "just now", "at 14:05" today, "yesterday at 14:05",
 * or the day and time.
 * @param {string} iso
 * @param {Date} now
 * @param {string} [locale]
 */
export function whenText(iso, now, locale) {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  const minutes = (now.getTime() - at.getTime()) / 60000;
  if (minutes >= -1 && minutes < 2) return 'just now';
  const clock = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(at);
  const day = (/** @type {Date} */ d) => `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
  if (day(at) === day(now)) return `today at ${clock}`;
  const yesterday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1);
  if (day(at) === day(yesterday)) return `yesterday at ${clock}`;
  const date = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long' }).format(at);
  return `on ${date} at ${clock}`;
}

/**
 * The status lines of a paired journal, in order, each with an id a test can find.
 * @param {SharingStatus} status
 * @param {Date} now
 * @param {string} [locale]
 * @returns {{id: string, text: string}[]}
 */
export function statusLines(status, now, locale) {
  const lines = [
    status.partnerLeftAt
      ? { id: 'sharing-with', text: `No longer sharing with ${partnersOwn(status)} computer.` }
      : status.partnerName
        ? { id: 'sharing-with', text: `Sharing with ${status.partnerName}\u2019s computer.` }
        : {
            id: 'sharing-with',
            text: 'Paired. Waiting for the other computer\u2019s first file \u2014 it arrives once Nestling is open there with the same folder.',
          },
    {
      id: 'sharing-received',
      text: status.lastReceivedAt
        ? `Last change received ${whenText(status.lastReceivedAt, now, locale)}.`
        : 'No changes received yet.',
    },
  ];
  if (status.filesWaiting > 0)
    lines.push({
      id: 'sharing-waiting',
      text:
        status.filesWaiting === 1
          ? 'One file is waiting for the other computer to pick it up.'
          : `${status.filesWaiting} files are waiting for the other computer to pick them up.`,
    });
  return lines;
}

/**
 * Each trouble the last exchange found, in plain words, with an id a test can find.
 * @param {SharingStatus} status
 * @returns {{id: string, text: string}[]}
 */
export function troubleLines(status) {
  const t = status.trouble;
  const lines = [];
  if (status.partnerLeftAt)
    lines.push({
      id: 'trouble-left',
      text: `${cap(partnerLabel(status))} unpaired on their computer. Your moments stay here; you can unpair too.`,
    });
  if (t.folder === 'missing')
    lines.push({
      id: 'trouble-missing',
      text: 'The shared folder can\u2019t be found. Is the drive connected? Your changes wait here until it is back.',
    });
  if (t.folder === 'full')
    lines.push({
      id: 'trouble-full',
      text: 'The shared folder is full. Freeing some space on that drive lets it carry on; your changes wait here until then.',
    });
  if (t.folder === 'unusable')
    lines.push({
      id: 'trouble-unusable',
      text: 'Nestling can\u2019t read or write in the shared folder right now. It will try again.',
    });
  if (t.damaged > 0)
    lines.push({
      id: 'trouble-damaged',
      text: 'A file in the shared folder could not be read; it was left alone.',
    });
  if (t.otherPairs > 0 || t.strangers > 0)
    lines.push({
      id: 'trouble-other-pairs',
      text: 'There are files from another pairing in this folder; Nestling leaves them alone.',
    });
  if (t.tooNew > 0)
    lines.push({
      id: 'trouble-too-new',
      text: 'A file came from a newer Nestling. Once Nestling is updated here, it will be read.',
    });
  if (t.refused > 0)
    lines.push({
      id: 'trouble-refused',
      text: 'A few changes from the other computer didn\u2019t fit this journal and were left out.',
    });
  if (t.failed)
    lines.push({
      id: 'trouble-failed',
      text: 'Sharing couldn\u2019t finish last time. Your moments are safe; Nestling will try again.',
    });
  return lines;
}

/**
 * The header's mark: nothing when not paired, else a short label, whether there is something
 * to look at, and what a screen reader says.
 * @param {SharingStatus|null} status
 * `text` is `lead` then `name`: a narrow window shows the name alone.
 * @returns {{text: string, lead: string, name: string, trouble: boolean, label: string}|null}
 */
export function indicator(status) {
  if (!status?.paired) return null;
  const trouble = troubleLines(status).length > 0;
  const [lead, name] = status.partnerName ? ['Shared with ', status.partnerName] : ['', 'Shared'];
  const text = `${lead}${name}`;
  const label = trouble
    ? `${text}. There is a note about sharing: open it in Settings.`
    : `${text}. Open sharing in Settings.`;
  return { text, lead, name, trouble, label };
}

/** @param {string} text */
function cap(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
