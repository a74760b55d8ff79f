// Front-end unit tests for journal formatting (node --test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  dayHeading,
  formatElapsed,
  formatMinutes,
  fromInputValue,
  shiftDate,
  toInputValue,
  withOffset,
} from '../../ui/js/format.js';

test('minutes read at a glance', () => {
  assert.equal(formatMinutes(0), '0 min');
  assert.equal(formatMinutes(45), '45 min');
  assert.equal(formatMinutes(60), '1 h');
  assert.equal(formatMinutes(65), '1 h 5 min');
});

test('a running timer shows minutes and seconds, then hours', () => {
  assert.equal(formatElapsed(5), '0:05');
  assert.equal(formatElapsed(754), '12:34');
  assert.equal(formatElapsed(3723), '1:02:03');
});

test('days are named today and yesterday, then by date', () => {
  assert.equal(dayHeading('2026-11-26', '2026-11-26', 'en-GB'), 'Today');
  assert.equal(dayHeading('2026-11-25', '2026-11-26', 'en-GB'), 'Yesterday');
  assert.match(dayHeading('2026-11-20', '2026-11-26', 'en-GB'), /Friday.*20.*November.*2026/);
});

test('shifting dates crosses months and years', () => {
  assert.equal(shiftDate('2026-03-01', -1), '2026-02-28');
  assert.equal(shiftDate('2026-12-31', 1), '2027-01-01');
});

test('an input value round-trips through an instant with offset', () => {
  const iso = fromInputValue('2026-11-26T14:05');
  assert.match(iso, /^2026-11-26T14:05:00[+-]\d\d:\d\d$/);
  assert.equal(toInputValue(iso), '2026-11-26T14:05');
});

test('an empty or impossible input value is no instant', () => {
  assert.equal(fromInputValue(''), null);
  assert.equal(fromInputValue('2026-13-45T99:99'), null);
});

test('instants carry the local offset', () => {
  assert.match(withOffset(new Date(2026, 0, 1, 9, 0, 0)), /^2026-01-01T09:00:00[+-]\d\d:\d\d$/);
});

test('a moment shows the clock time it was logged at, whatever the zone now', async () => {
  const { clockOf } = await import('../../ui/js/format.js');
  assert.equal(clockOf('2026-11-26T14:05:00+09:00', 'en-GB'), '14:05');
  assert.equal(clockOf('2026-11-26T23:30:00-05:00', 'en-GB'), '23:30');
  assert.equal(clockOf('garbage', 'en-GB'), '');
});
