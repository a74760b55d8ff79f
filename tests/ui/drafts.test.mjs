// Unsaved notes: kept in the journal through its commands, read from memory, written one at a
// time with only the newest text waiting, and moved out of the webview's storage on first load.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { createDrafts } from '../../ui/js/journal/drafts.js';

class FakeStorage {
  constructor(items) {
    this.items = { ...items };
  }
  getItem(k) {
    return k in this.items ? this.items[k] : null;
  }
  removeItem(k) {
    delete this.items[k];
  }
}

/** A storage whose keys Object.keys lists, as it does for a real Storage. */
const storageWith = (items) => {
  const storage = new FakeStorage(items);
  return new Proxy(storage, {
    ownKeys: (t) => Object.keys(t.items),
    getOwnPropertyDescriptor: () => ({ enumerable: true, configurable: true }),
  });
};

/** A journal whose saves wait until `release()` is called, and which records every call. */
function fakeJournal(initial = []) {
  const rows = new Map(initial.map((d) => [d.key, d.note]));
  const calls = [];
  let gate = Promise.resolve();
  let open = () => {};
  const journal = {
    rows,
    calls,
    failNext: false,
    hold() {
      gate = new Promise((r) => {
        open = r;
      });
    },
    release() {
      open();
    },
    async listDrafts() {
      return [...rows].map(([key, note]) => ({ key, note }));
    },
    async saveDraft(key, note) {
      calls.push(['save', key, note]);
      await gate;
      if (journal.failNext) {
        journal.failNext = false;
        throw new Error('disk full');
      }
      rows.set(key, note);
    },
    async discardDraft(key) {
      calls.push(['discard', key]);
      await gate;
      rows.delete(key);
    },
  };
  return journal;
}

test('drafts left in the webview storage move into the journal and leave the storage', async () => {
  const journal = fakeJournal([{ key: '7', note: 'already in the journal' }]);
  const storage = storageWith({
    'nestling.draft.new': 'written by an older version',
    'nestling.draft.7': 'older text for 7',
    'nestling.other': 'not a draft',
  });
  const drafts = createDrafts(journal, storage);
  await drafts.load();
  assert.equal(drafts.get('new'), 'written by an older version');
  assert.equal(journal.rows.get('new'), 'written by an older version', 'now in the journal');
  assert.equal(drafts.get('7'), 'already in the journal', 'the journal draft wins');
  assert.equal(storage.getItem('nestling.draft.new'), null, 'no draft is left outside the journal');
  assert.equal(storage.getItem('nestling.draft.7'), null);
  assert.equal(storage.getItem('nestling.other'), 'not a draft', 'other keys are left alone');
});

test('typing fast sends the newest text once the earlier save is done', async () => {
  const journal = fakeJournal();
  const drafts = createDrafts(journal, null);
  await drafts.load();
  journal.hold();
  const first = drafts.set('new', 'S');
  const middle = drafts.set('new', 'Sh');
  const last = drafts.set('new', 'She slept 💤 <b>');
  assert.equal(drafts.get('new'), 'She slept 💤 <b>', 'memory has the newest text at once');
  journal.release();
  await Promise.all([first, middle, last]);
  await drafts.settled();
  assert.deepEqual(journal.calls, [
    ['save', 'new', 'S'],
    ['save', 'new', 'She slept 💤 <b>'],
  ]);
  assert.equal(journal.rows.get('new'), 'She slept 💤 <b>');
});

test('a failed save is reported and the text stays in memory', async () => {
  const journal = fakeJournal();
  const drafts = createDrafts(journal, null);
  await drafts.load();
  journal.failNext = true;
  await assert.rejects(drafts.set('3', 'words'), /disk full/);
  assert.equal(drafts.get('3'), 'words');
  await drafts.set('3', 'words again');
  assert.equal(journal.rows.get('3'), 'words again', 'the next save goes through');
});

test('saving the moment discards its draft, and locking forgets only the copy in memory', async () => {
  const journal = fakeJournal([{ key: '5', note: 'half a thought' }]);
  const drafts = createDrafts(journal, null);
  await drafts.load();
  await drafts.set('new', 'a new note');
  await drafts.remove('5');
  assert.equal(drafts.get('5'), null);
  assert.equal(journal.rows.has('5'), false);
  drafts.forget();
  assert.equal(drafts.get('new'), null, 'nothing readable while locked');
  await drafts.load();
  assert.equal(drafts.get('new'), 'a new note', 'back after unlocking');
});

test('settled waits for a save on its way', async () => {
  const journal = fakeJournal();
  const drafts = createDrafts(journal, null);
  await drafts.load();
  journal.hold();
  const saved = drafts.set('new', 'before the lock');
  let settled = false;
  const waiting = drafts.settled().then(() => {
    settled = true;
  });
  await new Promise((r) => setTimeout(r, 10));
  assert.equal(settled, false, 'still on its way');
  journal.release();
  await waiting;
  await saved;
  assert.equal(journal.rows.get('new'), 'before the lock');
});

test('two journals keep their drafts apart: there is no state shared between them', async () => {
  const one = createDrafts(fakeJournal([{ key: 'new', note: 'first journal' }]), null);
  const two = createDrafts(fakeJournal(), null);
  await Promise.all([one.load(), two.load()]);
  assert.equal(one.get('new'), 'first journal');
  assert.equal(two.get('new'), null);
});

test('a draft set before the journal was read is refused, not sent nowhere', async () => {
  const drafts = createDrafts(fakeJournal(), null);
  await assert.rejects(drafts.set('new', 'too early'), /not open/);
});
