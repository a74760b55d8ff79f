// @ts-check
// The check-in's words and rules, with no DOM: the questions in Nestling's own words, reading a
// filled-in form into what Rust saves, where Help opens after a save, and what Today offers.
// None of these questions is taken from a screening questionnaire, and nothing here scores.

/**
 * @typedef {import('../types.js').CheckIn} CheckIn
 * @typedef {import('../types.js').CheckInInput} CheckInInput
 * @typedef {import('../types.js').Settings} Settings
 * @typedef {import('../types.js').Prompts} Prompts
 * @typedef {'mood'|'closeness'|'worry'} ScaleName
 * @typedef {{label: string, low: string, high: string, short: string}} Scale
 */

/** The three 1–5 questions, with words at both ends and a short name for the journal. */
/** @type {Record<ScaleName, Scale>} */
export const CHECK_IN_SCALES = {
  mood: {
    label: 'How has your mood been today?',
    low: 'Very low',
    high: 'Really good',
    short: 'mood',
  },
  closeness: {
    label: 'How close have you felt to your baby?',
    low: 'Far away',
    high: 'Very close',
    short: 'closeness',
  },
  worry: {
    label: 'How much has worry been with you today?',
    low: 'Hardly at all',
    high: 'Nearly all the time',
    short: 'worry',
  },
};

/** "Did you feel supported?" and its answers. */
export const SUPPORTED = [
  ['yes', 'Yes'],
  ['somewhat', 'A little'],
  ['no', 'Not really'],
];

/** The safety question's answers; the two "yes" answers are kept apart on purpose. */
export const SAFETY = [
  ['no', 'No'],
  ['unwanted_thoughts', 'Yes, thoughts that frighten me, but I don\u2019t want to act on them'],
  ['might_act', 'Yes, and I feel I might act on them'],
  ['prefer_not', 'I\u2019d rather not say'],
];

/** How often the parent chose to be asked. */
export const FREQUENCIES = [
  ['daily', 'Every day'],
  ['weekly', 'Once a week'],
  ['off', 'Not at all'],
];

/** Longest sleep a day can hold, in hours. */
const MAX_SLEEP_HOURS = 24;

/**
 * Hours typed by the parent ("5.5", "6,25", "") as whole quarter hours in minutes.
 * @param {string} text
 * @returns {number|null|string} minutes, null when empty, or a message
 */
export function sleepMinutesFrom(text) {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  const hours = Number(trimmed);
  if (!Number.isFinite(hours) || hours < 0 || hours > MAX_SLEEP_HOURS) {
    return 'Sleep can be between 0 and 24 hours, or left empty.';
  }
  const quarters = Math.round(hours * 4);
  return quarters * 15;
}

/**
 * Minutes as the hours a sleep field shows: 270 is "4.5", null is "".
 * @param {number|null} minutes
 */
export function sleepHoursText(minutes) {
  return minutes === null || minutes === undefined ? '' : String(minutes / 60);
}

/**
 * The answers of a filled-in form as what Rust saves, or a message for what cannot be read.
 * @param {{mood: string, closeness: string, worry: string, sleep: string, supported: string,
 *   safety: string, note: string, inReport: boolean}} values as the form holds them
 * @param {{takenAt: string, utcOffsetSeconds: number}} when
 * @returns {CheckInInput|string}
 */
export function readCheckIn(values, when) {
  const sleepMinutes = sleepMinutesFrom(values.sleep);
  if (typeof sleepMinutes === 'string') return sleepMinutes;
  return {
    ...when,
    mood: rating(values.mood),
    closeness: rating(values.closeness),
    worry: rating(values.worry),
    sleepMinutes,
    supported: /** @type {import('../types.js').Supported|null} */ (
      oneOf(SUPPORTED, values.supported)
    ),
    safety: /** @type {import('../types.js').SafetyAnswer|null} */ (oneOf(SAFETY, values.safety)),
    note: values.note.trim() === '' ? null : values.note,
    inReport: values.inReport,
  };
}

/** @param {string} value */
function rating(value) {
  const n = Number(value);
  return value !== '' && Number.isInteger(n) && n >= 1 && n <= 5 ? n : null;
}

/**
 * @param {string[][]} choices
 * @param {string} value
 */
function oneOf(choices, value) {
  return choices.some(([id]) => id === value) ? value : null;
}

/**
 * Where Help opens after a save: its urgent part, its today-or-tomorrow part, or nowhere.
 * @param {CheckIn['helpNeed']} helpNeed
 * @returns {string|null}
 */
export function helpRoute(helpNeed) {
  return { now: '#help/now', soon: '#help/soon' }[helpNeed] ?? null;
}

/**
 * Where Help opens after a save: for a new check-in, wherever its answers call for; for an edit,
 * only when the safety answer was changed, so mending an old note does not reopen Help.
 * @param {CheckIn|null} before the check-in as it was, null for a new one
 * @param {CheckIn} saved
 * @returns {string|null}
 */
export function helpAfterSave(before, saved) {
  if (before && before.safety === saved.safety) return null;
  return helpRoute(saved.helpNeed);
}

/**
 * What Today shows about check-ins: the one-time offer, a quiet invitation, the low-mood card.
 * @param {Settings} settings
 * @param {Prompts|null} prompts
 * @param {boolean} invitationPutAway the parent said "not now" today
 */
export function todayOffer(settings, prompts, invitationPutAway) {
  return {
    offer: settings.checkIn === null,
    invite: Boolean(prompts?.checkInDue) && !invitationPutAway,
    lowMood: Boolean(prompts?.lowMoodCard),
  };
}

/**
 * The answers of a check-in in a few calm words for the journal, skipping the unanswered.
 * @param {CheckIn} checkIn
 * @returns {string}
 */
export function checkInFacts(checkIn) {
  const parts = /** @type {ScaleName[]} */ (['mood', 'closeness', 'worry'])
    .filter((name) => checkIn[name] !== null && checkIn[name] !== undefined)
    .map((name) => `${CHECK_IN_SCALES[name].short} ${checkIn[name]}/5`);
  if (checkIn.sleepMinutes !== null && checkIn.sleepMinutes !== undefined)
    parts.push(`slept ${hoursWords(checkIn.sleepMinutes)}`);
  const supported = SUPPORTED.find(([id]) => id === checkIn.supported);
  if (supported) parts.push(`supported: ${supported[1].toLowerCase()}`);
  if (checkIn.inReport) parts.push('in my report');
  return parts.join(' \u00b7 ');
}

/** @param {number} minutes */
function hoursWords(minutes) {
  const hours = minutes / 60;
  return hours === 1 ? '1 hour' : `${hours} hours`;
}

/**
 * Moments and check-ins of the same days, newest day first and newest first within a day; of
 * two at the same second, the one written last comes first.
 * @template {{localDate: string, startLocal: string, createdAt?: string}} M
 * @param {M[]} moments oldest first, as the journal lists them
 * @param {CheckIn[]} checkIns oldest first
 * @returns {[string, ({moment: M}|{checkIn: CheckIn})[]][]}
 */
export function entriesByDay(moments, checkIns) {
  const entries = [
    ...moments.map((moment) => ({
      at: [moment.startLocal, moment.createdAt ?? ''],
      date: moment.localDate,
      entry: { moment },
    })),
    ...checkIns.map((checkIn) => ({
      at: [checkIn.takenLocal, checkIn.createdAt ?? ''],
      date: checkIn.localDate,
      entry: { checkIn },
    })),
  ].sort((a, b) => newestFirst(a.at, b.at));
  /** @type {Map<string, ({moment: M}|{checkIn: CheckIn})[]>} */
  const days = new Map();
  for (const { date, entry } of entries) days.set(date, [...(days.get(date) ?? []), entry]);
  return [...days.entries()].sort(([a], [b]) => (a < b ? 1 : -1));
}

/**
 * Orders [time, written] pairs newest first; RFC 3339 strings of one format sort as text.
 * @param {string[]} a
 * @param {string[]} b
 */
function newestFirst(a, b) {
  for (let i = 0; i < a.length; i += 1) {
    if (a[i] !== b[i]) return a[i] < b[i] ? 1 : -1;
  }
  return 0;
}
