// Opening the journal at start: the reads are asked for together, and their answers are looked
// at in order, so a locked or damaged journal shows the screen its first answer calls for.
import { test } from 'node:test';
import assert from 'node:assert/strict';

globalThis.window = { addEventListener: () => {}, setInterval: () => 1, clearInterval: () => {} };
globalThis.document = {
  body: { dataset: {} },
  documentElement: { dataset: {} },
  getElementById: () => null,
};
const { createSession } = await import('../../ui/js/privacy/session.js');
const { createState } = await import('../../ui/js/state.js');

const SETTINGS = { theme: 'system', textSize: 'medium', lockAfterMinutes: 'never' };
const HOME = { encrypted: false, settings: SETTINGS, dataDir: '/data' };

/** A promise and the functions that settle it. */
function pending() {
  let resolve, reject;
  const promise = new Promise((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

/** A session over reads the test settles by hand; `asked` lists the reads in the order made. */
function opening() {
  const reads = {
    lockState: pending(),
    getHome: pending(),
    catalog: pending(),
    drafts: pending(),
  };
  const asked = [];
  const read = (name) => () => {
    asked.push(name);
    return reads[name].promise;
  };
  const api = {
    lockState: read('lockState'),
    getHome: read('getHome'),
    recoveryState: async () => ({ backups: [] }),
    stillHere: async () => {},
    toAppError: (err) => err,
  };
  const state = createState();
  const session = createSession({
    api,
    state,
    toast: { show: () => {} },
    attempt: async (action) => {
      await action();
    },
    journal: {
      loadCatalog: read('catalog'),
      drafts: { load: read('drafts') },
      closeEditor: () => {},
    },
    checkIn: { close: () => {} },
  });
  return { reads, asked, state, session };
}

test('the start reads are all asked for before the first answer arrives', async () => {
  const { reads, asked, state, session } = opening();
  const loaded = session.load();
  assert.deepEqual(asked, ['lockState', 'getHome', 'catalog', 'drafts']);
  reads.drafts.resolve();
  reads.catalog.resolve();
  reads.getHome.resolve(HOME);
  reads.lockState.resolve({ locked: false });
  await loaded;
  assert.equal(state.get().home, HOME);
  assert.equal(state.get().settings, SETTINGS);
  assert.equal(state.get().locked, false);
  assert.equal(state.get().problem, null);
});

test('a locked journal shows the lock, and the other reads failing is neither shown nor left unhandled', async () => {
  const unhandled = [];
  const note = (reason) => unhandled.push(reason);
  process.on('unhandledRejection', note);
  try {
    const { reads, state, session } = opening();
    const loaded = session.load();
    reads.getHome.reject({ kind: 'locked' });
    reads.catalog.reject({ kind: 'locked' });
    reads.drafts.reject({ kind: 'locked' });
    reads.lockState.resolve({ locked: true });
    await loaded;
    await new Promise((done) => setTimeout(done, 10));
    assert.equal(state.get().locked, true);
    assert.equal(state.get().problem, null);
    assert.equal(state.get().home, null);
    assert.deepEqual(unhandled, []);
  } finally {
    process.off('unhandledRejection', note);
  }
});

test("the home's failure is the one answered, even when a list fails first", async () => {
  const { reads, state, session } = opening();
  const loaded = session.load();
  reads.catalog.reject({ kind: 'internal', message: 'a list failed' });
  await new Promise((done) => setTimeout(done, 5));
  reads.lockState.resolve({ locked: false });
  reads.getHome.reject({ kind: 'damaged' });
  reads.drafts.resolve();
  await loaded;
  assert.deepEqual(state.get().recovery, { backups: [] }, 'a damaged journal offers its backups');
  assert.equal(state.get().problem, null);
});

test('a list failing after the home was read is shown as the problem', async () => {
  const { reads, state, session } = opening();
  const loaded = session.load();
  reads.lockState.resolve({ locked: false });
  reads.getHome.resolve(HOME);
  reads.catalog.resolve();
  reads.drafts.reject({ kind: 'internal', message: 'drafts could not be read' });
  await loaded;
  assert.deepEqual(state.get().problem, { kind: 'internal', message: 'drafts could not be read' });
  assert.equal(state.get().home, null, 'the journal is not shown as open');
});
