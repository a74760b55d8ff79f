// Front-end unit tests for sharing's words: status lines, troubles, the header's mark (node --test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  codeGroups,
  indicator,
  partnerLabel,
  partnersOwn,
  statusLines,
  troubleLines,
  whenText,
} from '../../ui/js/sharing/model.js';

const calm = {
  folder: null,
  damaged: 0,
  otherPairs: 0,
  strangers: 0,
  tooNew: 0,
  refused: 0,
  failed: null,
};

/** @param {object} [patch] */
function paired(patch = {}) {
  return {
    paired: true,
    myName: 'Sam',
    partnerName: 'Noor',
    folder: '/media/stick',
    pairedAt: '2026-12-01T08:00:00Z',
    lastReceivedAt: null,
    filesWaiting: 0,
    partnerLeftAt: null,
    trouble: { ...calm },
    ...patch,
  };
}

const now = new Date(2026, 11, 5, 15, 30);

test('a code is shown as its groups of four', () => {
  assert.deepEqual(codeGroups('7KQM-2XPA-0000'), ['7KQM', '2XPA', '0000']);
});

test('the partner is named, or called your partner before their first file', () => {
  assert.equal(partnerLabel(paired()), 'Noor');
  assert.equal(partnerLabel(paired({ partnerName: null })), 'your partner');
  assert.equal(partnerLabel(null), 'your partner');
  assert.equal(partnersOwn(paired()), 'Noor\u2019s');
});

test('times are said gently: just now, today, yesterday, or the day', () => {
  assert.equal(whenText(new Date(2026, 11, 5, 15, 29).toISOString(), now), 'just now');
  assert.match(
    whenText(new Date(2026, 11, 5, 9, 5).toISOString(), now, 'en-GB'),
    /^today at 0?9:05$/,
  );
  assert.match(
    whenText(new Date(2026, 11, 4, 22, 15).toISOString(), now, 'en-GB'),
    /^yesterday at 22:15$/,
  );
  assert.match(
    whenText(new Date(2026, 10, 30, 7, 0).toISOString(), now, 'en-GB'),
    /^on 30 November at 0?7:00$/,
  );
  assert.equal(whenText('not a time', now), '');
});

test('the status says who is paired, when a change came, and what still waits', () => {
  const waiting = statusLines(paired({ partnerName: null }), now);
  assert.match(waiting[0].text, /Waiting for the other computer\u2019s first file/);
  assert.equal(waiting[1].text, 'No changes received yet.');
  assert.equal(waiting.length, 2, 'nothing waits: no line about it');
  const busy = statusLines(
    paired({ lastReceivedAt: new Date(2026, 11, 5, 15, 29).toISOString(), filesWaiting: 2 }),
    now,
  );
  assert.deepEqual(
    busy.map((l) => l.text),
    [
      'Sharing with Noor\u2019s computer.',
      'Last change received just now.',
      '2 files are waiting for the other computer to pick them up.',
    ],
  );
  assert.equal(
    statusLines(paired({ filesWaiting: 1 }), now)[2].text,
    'One file is waiting for the other computer to pick it up.',
  );
});

test('each trouble has its own plain sentence, and none when all is well', () => {
  assert.deepEqual(troubleLines(paired()), []);
  const said = (trouble) => troubleLines(paired({ trouble: { ...calm, ...trouble } }))[0].text;
  assert.match(
    said({ folder: 'missing' }),
    /^The shared folder can\u2019t be found\. Is the drive connected\?/,
  );
  assert.match(said({ folder: 'full' }), /^The shared folder is full\. Freeing some space/);
  assert.equal(
    said({ damaged: 1 }),
    'A file in the shared folder could not be read; it was left alone.',
  );
  assert.equal(
    said({ otherPairs: 2 }),
    'There are files from another pairing in this folder; Nestling leaves them alone.',
  );
  assert.match(said({ tooNew: 1 }), /newer Nestling/);
  assert.match(said({ refused: 3 }), /left out/);
  assert.match(said({ failed: 'database' }), /Your moments are safe/);
  const left = troubleLines(paired({ partnerLeftAt: '2026-12-05T10:00:00Z' }));
  assert.match(left[0].text, /^Noor unpaired on their computer\./);
  const unnamed = troubleLines(
    paired({ partnerName: null, partnerLeftAt: '2026-12-05T10:00:00Z' }),
  );
  assert.match(unnamed[0].text, /^Your partner unpaired on their computer\./);
});

test('no word in any line is alarming', () => {
  const all = troubleLines(
    paired({
      partnerLeftAt: '2026-12-05T10:00:00Z',
      trouble: {
        folder: 'missing',
        damaged: 1,
        otherPairs: 1,
        strangers: 1,
        tooNew: 1,
        refused: 1,
        failed: 'x',
      },
    }),
  );
  for (const { text } of all)
    assert.doesNotMatch(text, /error|fail|warning|danger|corrupt|!/i, text);
});

test('the header mark shows only while paired, with a note when there is trouble', () => {
  assert.equal(indicator(null), null);
  assert.equal(indicator({ ...paired(), paired: false }), null);
  assert.deepEqual(indicator(paired()), {
    text: 'Shared with Noor',
    lead: 'Shared with ',
    name: 'Noor',
    trouble: false,
    label: 'Shared with Noor. Open sharing in Settings.',
  });
  const missing = indicator(paired({ trouble: { ...calm, folder: 'missing' } }));
  assert.equal(missing?.trouble, true);
  assert.match(missing?.label ?? '', /There is a note about sharing/);
  assert.equal(indicator(paired({ partnerName: null }))?.text, 'Shared');
});
