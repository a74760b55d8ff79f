// The export's pure choices and the idle lock's timing, without a window.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { countText, rangeFor, rangeKey } from '../../ui/js/export/choose.js';
import { initialSelection } from '../../ui/js/export/controller.js';

test('the form starts at the last 7 days with everything shared and nothing left out', () => {
  const selection = initialSelection();
  assert.deepEqual(selection.range, { last: { days: 7 } });
  assert.deepEqual(selection.include, {
    notes: true,
    feelings: true,
    ratings: true,
    checkIns: true,
  });
  assert.deepEqual(selection.excludedIds, []);
  assert.equal(selection.kindIds, null);
});

test('each range has its radio button', () => {
  assert.equal(rangeKey({ last: { days: 14 } }), 'last14');
  assert.equal(rangeKey({ since: '2026-10-01' }), 'since');
  assert.equal(rangeKey({ between: { first: '2026-10-01', last: '2026-10-09' } }), 'between');
});

test('switching ranges keeps the dates already typed', () => {
  const since = rangeFor('since', { last: { days: 7 } }, '2026-11-26');
  assert.deepEqual(since, { since: '2026-11-26' });
  const between = rangeFor('between', { since: '2026-11-01' }, '2026-11-26');
  assert.deepEqual(between, { between: { first: '2026-11-01', last: '2026-11-26' } });
  assert.deepEqual(rangeFor('last30', between, '2026-11-26'), { last: { days: 30 } });
});

test('the count line speaks in singular and plural', () => {
  assert.equal(
    countText(1, 1, 0),
    '1 of 1 moment chosen. Untick any you would rather keep to yourself.',
  );
  assert.equal(
    countText(0, 2, 1),
    '0 of 2 moments chosen. 1 private moment is never included. Untick any you would rather keep to yourself.',
  );
  assert.match(
    countText(3, 3, 2),
    /^3 of 3 moments chosen\. 2 private moments are never included\./,
  );
});

test('the idle lock fires once after the chosen minutes without activity, and never when off', async () => {
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
  let locks = 0;
  const idle = createIdleLock(
    () => {
      locks += 1;
    },
    () => now,
  );
  idle.configure('1');
  now = 59_000;
  idle.check();
  assert.equal(locks, 0, 'not yet a minute');
  listeners.keydown();
  now = 100_000;
  idle.check();
  assert.equal(locks, 0, 'a key press counts as being here');
  now = 160_000;
  idle.check();
  idle.check();
  assert.equal(locks, 1, 'locks once');
  idle.configure('never');
  now = 10_000_000;
  idle.check();
  assert.equal(locks, 1, 'never means never');
  delete globalThis.window;
});
