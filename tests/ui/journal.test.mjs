// Front-end unit tests for the journal's pure pieces (node --test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { daySummary, trashWhen } from '../../ui/js/journal/timeline.js';
import { entriesByDay } from '../../ui/js/checkin/model.js';
import { totalsSentence } from '../../ui/js/journal/today.js';

const moment = (id, localDate, time) => ({
  id,
  localDate,
  startLocal: `${localDate}T${time}:00+01:00`,
  durationMinutes: null,
});

test('days come newest first, and moments newest first within a day', () => {
  const oldestFirst = [
    moment(1, '2026-11-24', '09:00'),
    moment(2, '2026-11-25', '08:00'),
    moment(3, '2026-11-25', '10:30'),
  ];
  const days = entriesByDay(oldestFirst, []);
  assert.deepEqual(
    days.map(([date]) => date),
    ['2026-11-25', '2026-11-24'],
  );
  assert.deepEqual(
    days[0][1].map((e) => e.moment.id),
    [3, 2],
  );
});

test('a day counts its moments of care and names its check-ins apart', () => {
  const checkIn = { id: 9, localDate: '2026-11-25', takenLocal: '2026-11-25T21:00:00+01:00' };
  const [[, entries]] = entriesByDay([moment(1, '2026-11-25', '08:00')], [checkIn]);
  assert.equal(daySummary(entries), ' · 1 moment, a check-in');
  assert.equal(daySummary([{ checkIn }]), ' \u00b7 a check-in');
  assert.equal(daySummary([{ moment: moment(1, '2026-11-25', '08:00') }]), ' · 1 moment');
});

const ctx = {
  catalog: { kind: (id) => ({ name: { skin_to_skin: 'Skin-to-skin', changing: 'Changing' }[id] }) },
};

test('totals read as a warm sentence that counts what was done', () => {
  const listing = {
    totals: [
      { kindId: 'skin_to_skin', count: 2, minutes: 45 },
      { kindId: 'changing', count: 3, minutes: 0 },
    ],
  };
  assert.equal(
    totalsSentence(ctx, listing),
    'You logged 5 moments of care today, including 45 min skin-to-skin.',
  );
  assert.equal(
    totalsSentence(ctx, { totals: [{ kindId: 'changing', count: 1, minutes: 0 }] }),
    'You logged 1 moment of care today.',
  );
});

test('the trash says when a moment goes for good', () => {
  const text = trashWhen({ deletedAt: '2026-11-26T12:00:00Z' });
  assert.match(text, /^Deleted on .*26.*; kept until .*26.*\.$/);
  assert.equal(trashWhen({ deletedAt: null }), '');
});
