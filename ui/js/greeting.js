// @ts-check
// Words for the top of the home screen, chosen from the local time. Pure: no DOM, no clock.

/**
 * @param {Date} now
 * @returns {string}
 */
export function greetingFor(now) {
  const hour = now.getHours();
  if (hour < 5) return 'Hello, night owl';
  if (hour < 12) return 'Good morning';
  if (hour < 18) return 'Good afternoon';
  if (hour < 22) return 'Good evening';
  return 'Good night';
}

/**
 * @param {Date} now
 * @returns {string}
 */
export function encouragementFor(now) {
  const hour = now.getHours();
  if (hour < 5 || hour >= 22) {
    return 'Night feeds are hard. Whatever you manage right now is enough.';
  }
  return 'One small moment at a time. You can log how it went, or read something kind.';
}

/**
 * @param {Date} now
 * @param {string} [locale]
 */
export function formatToday(now, locale) {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(now);
}
