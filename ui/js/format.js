// @ts-check
// Pure formatting of times, durations and days for the journal screens. No DOM, no clock.

/**
 * Minutes as words a tired parent reads at a glance: "45 min", "1 h 5 min".
 * @param {number} minutes
 */
export function formatMinutes(minutes) {
  const total = Math.max(0, Math.round(minutes));
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/**
 * A running timer's elapsed time as "m:ss" or "h:mm:ss".
 * @param {number} seconds
 */
export function formatElapsed(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

/**
 * A heading for a local date ("2026-11-26"): "Today", "Yesterday" or the weekday and date.
 * @param {string} localDate
 * @param {string} today local date of now, same format
 * @param {string} [locale]
 */
export function dayHeading(localDate, today, locale) {
  if (localDate === today) return 'Today';
  if (localDate === shiftDate(today, -1)) return 'Yesterday';
  const [y, m, d] = localDate.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(y, m - 1, d));
}

/**
 * A local date moved by whole days, in "YYYY-MM-DD".
 * @param {string} localDate
 * @param {number} days
 */
export function shiftDate(localDate, days) {
  const [y, m, d] = localDate.split('-').map(Number);
  return toLocalDate(new Date(y, m - 1, d + days));
}

/**
 * The local calendar date of a Date, in "YYYY-MM-DD".
 * @param {Date} date
 */
export function toLocalDate(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * The value a `datetime-local` input shows for an instant, in this computer's zone.
 * @param {string} iso
 */
export function toInputValue(iso) {
  const date = new Date(iso);
  const pad = (n) => String(n).padStart(2, '0');
  return `${toLocalDate(date)}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * The instant (RFC 3339 with this computer's offset at that time) of a `datetime-local` value.
 * Returns null for an empty or impossible value.
 * @param {string} value
 */
export function fromInputValue(value) {
  if (!value) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  return withOffset(date);
}

/**
 * An RFC 3339 string of `date` in this computer's zone, e.g. "2026-11-26T14:05:00+01:00".
 * @param {Date} date
 */
export function withOffset(date) {
  const pad = (n) => String(n).padStart(2, '0');
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return (
    `${toLocalDate(date)}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/**
 * The clock time an RFC 3339 string shows in its own offset ("2026-11-26T14:05:00+01:00" →
 * "14:05" or "2:05 PM"): a moment keeps the time the parent's clock showed when it was logged.
 * @param {string} localIso
 * @param {string} [locale]
 */
export function clockOf(localIso, locale) {
  const match = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)/.exec(localIso);
  if (!match) return '';
  const [, y, m, d, h, min] = match.map(Number);
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(
    new Date(y, m - 1, d, h, min),
  );
}
