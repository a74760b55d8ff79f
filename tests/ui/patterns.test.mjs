// Front-end unit tests for the Patterns screen's pure helpers (node --test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chartTheme, request } from '../../ui/js/patterns/controller.js';
import { average, share, weekName } from '../../ui/js/charts.js';
import { RANGES } from '../../ui/js/patterns/view.js';

test('the default range is the last four weeks and "all" is offered', () => {
  assert.equal(RANGES[0].value, '4');
  assert.ok(RANGES.some((r) => r.value === 'all'));
});

test('a range becomes a number of weeks, or all time', () => {
  assert.deepEqual(request({ range: '13', babyId: 2, kindId: null }, 'dark'), {
    range: { weeks: 13 },
    babyId: 2,
    kindId: null,
    theme: 'dark',
  });
  assert.deepEqual(request({ range: 'all', babyId: null, kindId: 5 }, 'night').range, 'all');
});

test('the charts follow the page theme, and the system when the page does', () => {
  assert.equal(chartTheme('night', false), 'night');
  assert.equal(chartTheme('light', true), 'light');
  assert.equal(chartTheme('system', true), 'dark');
  assert.equal(chartTheme('system', false), 'light');
});

test('a week is named by its first and last day, with the year once', () => {
  assert.equal(
    weekName({ firstDay: '2026-10-05', lastDay: '2026-10-11' }, 'en-GB'),
    '5 Oct – 11 Oct 2026',
  );
  assert.equal(
    weekName({ firstDay: '2026-12-28', lastDay: '2027-01-03' }, 'en-GB'),
    '28 Dec 2026 – 3 Jan 2027',
  );
  assert.equal(weekName({ firstDay: '2026-10-05', lastDay: '2026-10-05' }, 'en-GB'), '5 Oct 2026');
});

test('an average says how many answers it rests on, and nothing when there are none', () => {
  assert.equal(average({ average: 3.45, count: 8 }, 'moment'), '3.5 (from 8 moments)');
  assert.equal(average({ average: 2, count: 1 }, 'moment'), '2.0 (from 1 moment)');
  assert.equal(average(null, 'moment'), '');
});

test('a share is a count with its percentage, and empty for none', () => {
  assert.equal(share(3, 12), '3 (25%)');
  assert.equal(share(1, 3), '1 (33%)');
  assert.equal(share(0, 12), '');
  assert.equal(share(4, 0), '');
});
