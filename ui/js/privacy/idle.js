// @ts-check
// Locks an encrypted journal after the parent has been away for the time they chose.

/** Events that count as the parent being here. */
const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'];

/** How often the idle time is checked, in milliseconds. */
const CHECK_EVERY = 5000;

/** The parent being here is told to Rust at most this often, in milliseconds. */
const TELL_EVERY = 30_000;

/**
 * @param {() => void} lock called once when the idle time is reached
 * @param {() => number} [clock] milliseconds now (tests pass their own)
 * @param {() => unknown} [here] tells Rust the parent is here (Rust locks an idle journal too)
 */
export function createIdleLock(lock, clock = () => Date.now(), here = () => {}) {
  let limit = 0;
  let last = clock();
  let told = -Infinity;
  let timer = 0;
  const seen = () => {
    last = clock();
    if (limit > 0 && last - told >= TELL_EVERY) {
      told = last;
      Promise.resolve(here()).catch(() => {});
    }
  };
  ACTIVITY.forEach((name) => window.addEventListener(name, seen, { passive: true, capture: true }));
  function check() {
    if (limit > 0 && clock() - last >= limit) {
      limit = 0;
      window.clearInterval(timer);
      lock();
    }
  }
  return {
    /** @param {string} minutes a `lockAfterMinutes` setting: "1"…"60" or "never" */
    configure(minutes) {
      window.clearInterval(timer);
      const value = Number(minutes);
      limit = Number.isFinite(value) && value > 0 ? value * 60_000 : 0;
      last = clock();
      if (limit > 0) timer = window.setInterval(check, CHECK_EVERY);
    },
    check,
  };
}
