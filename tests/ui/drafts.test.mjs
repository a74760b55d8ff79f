// Where unsaved notes live: the webview's storage for a plain journal, memory for an encrypted one.
import { test } from 'node:test';
import assert from 'node:assert/strict';

class FakeStorage {
  constructor() { this.items = {}; }
  getItem(k) { return k in this.items ? this.items[k] : null; }
  setItem(k, v) { this.items[k] = String(v); }
  removeItem(k) { delete this.items[k]; }
}

test('an encrypted journal wipes drafts from disk and keeps them only in memory', async () => {
  const storage = new FakeStorage();
  globalThis.localStorage = storage;
  // Object.keys over the fake lists its items, as it does over a real Storage.
  const proxy = new Proxy(storage, { ownKeys: (t) => Object.keys(t.items), getOwnPropertyDescriptor: () => ({ enumerable: true, configurable: true }) });
  const drafts = await import('../../ui/js/journal/drafts.js');
  drafts.setDraft('new', 'written before the passphrase');
  storage.setItem('nestling.other', 'kept');
  assert.equal(storage.getItem('nestling.draft.new'), 'written before the passphrase');

  drafts.keepDraftsFor(true, proxy);
  assert.equal(storage.getItem('nestling.draft.new'), null, 'no draft is left on disk');
  assert.equal(storage.getItem('nestling.other'), 'kept', 'other keys are left alone');
  assert.equal(drafts.getDraft('new'), 'written before the passphrase', 'the draft is still there');
  drafts.setDraft('7', 'secret words');
  assert.equal(storage.getItem('nestling.draft.7'), null, 'new drafts never reach the disk');
  assert.ok(drafts.inMemoryOnly());

  drafts.forgetMemoryDrafts();
  assert.equal(drafts.getDraft('7'), null, 'locking forgets them');
  drafts.keepDraftsFor(false, proxy);
  drafts.setDraft('8', 'plain');
  assert.equal(storage.getItem('nestling.draft.8'), 'plain');
  delete globalThis.localStorage;
});
