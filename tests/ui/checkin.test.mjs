// Front-end unit tests for the check-in's words and rules (node --test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CHECK_IN_SCALES,
  SAFETY,
  checkInFacts,
  entriesByDay,
  helpAfterSave,
  helpRoute,
  readCheckIn,
  sleepHoursText,
  sleepMinutesFrom,
  todayOffer,
} from '../../ui/js/checkin/model.js';

const when = { takenAt: '2026-11-25T21:00:00+01:00', utcOffsetSeconds: 3600 };
const blank = {
  mood: '',
  closeness: '',
  worry: '',
  sleep: '',
  supported: '',
  safety: '',
  note: '',
  inReport: false,
};

test('sleep is read in hours and kept as whole quarter hours', () => {
  assert.equal(sleepMinutesFrom('4.5'), 270);
  assert.equal(sleepMinutesFrom('6,25'), 375);
  assert.equal(sleepMinutesFrom(' 7 '), 420);
  assert.equal(sleepMinutesFrom('5.1'), 300, 'rounded to the nearest quarter');
  assert.equal(sleepMinutesFrom('0'), 0);
  assert.equal(sleepMinutesFrom('24'), 1440);
  assert.equal(sleepMinutesFrom(''), null);
  for (const wrong of ['-1', '25', 'lots', '1e9']) {
    assert.equal(typeof sleepMinutesFrom(wrong), 'string', wrong);
  }
  assert.equal(sleepHoursText(270), '4.5');
  assert.equal(sleepHoursText(null), '');
});

test('an empty form is a check-in with every answer left out and not in the report', () => {
  assert.deepEqual(readCheckIn(blank, when), {
    ...when,
    mood: null,
    closeness: null,
    worry: null,
    sleepMinutes: null,
    supported: null,
    safety: null,
    note: null,
    inReport: false,
  });
});

test('answers are read as typed, and an answer that is not a choice is left out', () => {
  const input = readCheckIn(
    {
      ...blank,
      mood: '2',
      closeness: '5',
      worry: '9',
      sleep: '3.75',
      supported: 'somewhat',
      safety: 'unwanted_thoughts',
      note: '<b>long</b> night ',
      inReport: true,
    },
    when,
  );
  assert.equal(typeof input, 'object');
  const read = /** @type {any} */ (input);
  assert.equal(read.mood, 2);
  assert.equal(read.closeness, 5);
  assert.equal(read.worry, null, 'out of the scale');
  assert.equal(read.sleepMinutes, 225);
  assert.equal(read.supported, 'somewhat');
  assert.equal(read.safety, 'unwanted_thoughts');
  assert.equal(read.note, '<b>long</b> night ', 'the note is kept exactly as typed');
  assert.equal(read.inReport, true);
  assert.equal(/** @type {any} */ (readCheckIn({ ...blank, safety: 'maybe' }, when)).safety, null);
  assert.match(String(readCheckIn({ ...blank, sleep: '30' }, when)), /between 0 and 24/);
});

test('the safety question keeps thoughts apart from feeling one might act, and can be declined', () => {
  const ids = SAFETY.map(([id]) => id);
  assert.deepEqual(ids, ['no', 'unwanted_thoughts', 'might_act', 'prefer_not']);
  assert.match(SAFETY[1][1], /don\u2019t want to act/);
  assert.match(SAFETY[2][1], /might act/);
});

test('every scale has words at both ends', () => {
  for (const [name, scale] of Object.entries(CHECK_IN_SCALES)) {
    assert.ok(scale.label && scale.low && scale.high && scale.low !== scale.high, name);
  }
});

test('Help opens at the urgent part for "might act", at today-or-tomorrow for unwanted thoughts', () => {
  assert.equal(helpRoute('now'), '#help/now');
  assert.equal(helpRoute('soon'), '#help/soon');
  assert.equal(helpRoute('none'), null);
});

test('an edit opens Help only when its safety answer changed', () => {
  const saved = (safety, helpNeed) => /** @type {any} */ ({ safety, helpNeed });
  assert.equal(helpAfterSave(null, saved('might_act', 'now')), '#help/now');
  assert.equal(helpAfterSave(null, saved('prefer_not', 'none')), null);
  assert.equal(
    helpAfterSave(saved('might_act', 'now'), saved('might_act', 'now')),
    null,
    'a note mended',
  );
  assert.equal(
    helpAfterSave(saved('no', 'none'), saved('unwanted_thoughts', 'soon')),
    '#help/soon',
  );
  assert.equal(
    helpAfterSave(saved('unwanted_thoughts', 'soon'), saved('might_act', 'now')),
    '#help/now',
  );
});

const settings = (checkIn) => ({ checkIn, lowMoodCard: true, lowMoodCardDismissedOn: null });
const prompts = (checkInDue, lowMoodCard) => ({ checkInDue, lowMoodCard, lastCheckIn: null });

test('Today offers the check-in only until the offer is answered', () => {
  assert.equal(todayOffer(settings(null), prompts(false, false), false).offer, true);
  for (const answer of ['off', 'daily', 'weekly']) {
    assert.equal(todayOffer(settings(answer), prompts(false, false), false).offer, false, answer);
  }
});

test('the invitation shows when a check-in is due, until "not now" today', () => {
  assert.equal(todayOffer(settings('daily'), prompts(true, false), false).invite, true);
  assert.equal(todayOffer(settings('daily'), prompts(true, false), true).invite, false);
  assert.equal(todayOffer(settings('daily'), prompts(false, false), false).invite, false);
});

test('the low-mood card follows what Rust says, and nothing shows without prompts', () => {
  assert.equal(todayOffer(settings('off'), prompts(false, true), false).lowMood, true);
  assert.equal(todayOffer(settings('daily'), prompts(true, false), false).lowMood, false);
  assert.deepEqual(todayOffer(settings('daily'), null, false), {
    offer: false,
    invite: false,
    lowMood: false,
  });
});

test('a check-in reads in the journal as its answers, never the safety answer', () => {
  const checkIn = /** @type {any} */ ({
    mood: 2,
    closeness: null,
    worry: 4,
    sleepMinutes: 330,
    supported: 'no',
    safety: 'might_act',
    inReport: true,
  });
  const facts = checkInFacts(checkIn);
  assert.equal(
    facts,
    'mood 2/5 \u00b7 worry 4/5 \u00b7 slept 5.5 hours \u00b7 supported: not really \u00b7 in my report',
  );
  assert.doesNotMatch(facts, /act|harm|safety/);
  assert.equal(
    checkInFacts(
      /** @type {any} */ ({
        mood: null,
        closeness: null,
        worry: null,
        sleepMinutes: 60,
        supported: null,
      }),
    ),
    'slept 1 hour',
  );
});

test('check-ins sit beside moments on their own local day, by the time of day', () => {
  const moment = { id: 1, localDate: '2026-11-25', startLocal: '2026-11-25T08:00:00+01:00' };
  const late = { id: 7, localDate: '2026-11-25', takenLocal: '2026-11-25T23:30:00+01:00' };
  const early = { id: 8, localDate: '2026-11-24', takenLocal: '2026-11-24T06:00:00+01:00' };
  const days = entriesByDay([moment], /** @type {any[]} */ ([early, late]));
  assert.deepEqual(
    days.map(([date]) => date),
    ['2026-11-25', '2026-11-24'],
  );
  assert.deepEqual(days[0][1], [{ checkIn: late }, { moment }]);
  assert.deepEqual(days[1][1], [{ checkIn: early }]);
});

test('of a moment and a check-in at the same second, the one written last comes first', () => {
  const at = '2026-12-04T17:16:42Z';
  const moment = {
    id: 1,
    localDate: '2026-12-04',
    startLocal: at,
    createdAt: '2026-12-04T17:16:42Z',
  };
  const checkIn = {
    id: 1,
    localDate: '2026-12-04',
    takenLocal: at,
    createdAt: '2026-12-04T17:16:43Z',
  };
  const [[, entries]] = entriesByDay([moment], /** @type {any[]} */ ([checkIn]));
  assert.deepEqual(entries, [{ checkIn }, { moment }]);
});
