// The idle lock tells Rust the parent is here, at most every half minute, only while a lock
// time is chosen.
import { test } from 'node:test';
import assert from 'node:assert/strict';

test('activity is told to Rust at most every 30 seconds, and not at all when locking is off', async () => {
  const listeners = {};
  globalThis.window = {
    addEventListener: (name, fn) => {
      listeners[name] = fn;
    },
    setInterval: () => 1,
    clearInterval: () => {},
  };
  const { createIdleLock } = await import('../../ui/js/privacy/idle.js');
  let now = 0;
  let told = 0;
  const idle = createIdleLock(
    () => {},
    () => now,
    () => {
      told += 1;
    },
  );
  idle.configure('never');
  listeners.keydown();
  assert.equal(told, 0, 'nothing to tell while the journal never locks');
  idle.configure('5');
  now = 1_000;
  listeners.keydown();
  now = 20_000;
  listeners.pointermove();
  assert.equal(told, 1, 'once for a burst of activity');
  now = 31_000;
  listeners.wheel();
  assert.equal(told, 2, 'again after half a minute');
});
