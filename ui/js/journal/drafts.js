// @ts-check
// Unsaved notes while the editor is open. They are kept in the journal itself, so a crash, a
// lock or a restart loses none of them and they are encrypted with the journal when it is. A
// copy in memory lets the editor read them at once. Saves go out one at a time; while one is
// on its way, only the newest text of each draft waits, so typing fast never piles up writes.

const LEGACY_PREFIX = 'nestling.draft.';

/**
 * @typedef {{key: string, note: string}} StoredDraft
 * @typedef {{listDrafts: () => Promise<StoredDraft[]>, saveDraft: (key: string, note: string) => Promise<unknown>,
 *   discardDraft: (key: string) => Promise<unknown>}} DraftStore
 * @typedef {ReturnType<typeof createDrafts>} Drafts
 */

/**
 * The drafts of one journal, kept by `store`. Drafts an older version left in the webview's
 * storage (outside the journal) are moved into the journal by `load`, then removed from there.
 * @param {DraftStore} store
 * @param {Storage|null} [legacy]
 */
export function createDrafts(store, legacy = globalThis.localStorage ?? null) {
  /** @type {Map<string, string>} */
  const cache = new Map();
  /** @type {Map<string, {text: string|null, done: Array<[() => void, (e: unknown) => void]>}>} text null = discard */
  const waiting = new Map();
  /** @type {Promise<void>|null} */
  let sending = null;
  let loaded = false;

  /** @param {string} key @param {string|null} text @returns {Promise<void>} */
  function enqueue(key, text) {
    return new Promise((resolve, reject) => {
      const entry = waiting.get(key) ?? { text, done: [] };
      entry.text = text;
      entry.done.push([resolve, reject]);
      waiting.set(key, entry);
      sending ??= send();
    });
  }

  async function send() {
    try {
      while (waiting.size > 0) {
        const [key, entry] = waiting.entries().next().value;
        waiting.delete(key);
        await deliver(key, entry);
      }
    } finally {
      sending = null;
    }
  }

  /** @param {string} key @param {{text: string|null, done: Array<[() => void, (e: unknown) => void]>}} entry */
  async function deliver(key, entry) {
    try {
      if (!loaded) throw new Error('The journal is not open.');
      if (entry.text === null) await store.discardDraft(key);
      else await store.saveDraft(key, entry.text);
      for (const [resolve] of entry.done) resolve();
    } catch (err) {
      for (const [, reject] of entry.done) reject(err);
    }
  }

  return {
    /** Reads every draft from the journal into memory, moving in what an older version left. */
    async load() {
      const stored = await store.listDrafts();
      await moveLegacy(store, legacy, stored);
      cache.clear();
      for (const d of stored) cache.set(d.key, d.note);
      loaded = true;
    },
    /** @param {string} key @returns {string|null} */
    get: (key) => cache.get(key) ?? null,
    /**
     * Keeps `text` as the draft `key`; resolves once the journal holds it (or newer text).
     * @param {string} key @param {string} text @returns {Promise<void>}
     */
    set(key, text) {
      cache.set(key, text);
      return enqueue(key, text);
    },
    /** @param {string} key @returns {Promise<void>} */
    remove(key) {
      cache.delete(key);
      return enqueue(key, null);
    },
    /** Resolves when every draft change made so far has reached the journal (or failed). */
    async settled() {
      while (sending) await sending;
    },
    /** Forgets the copy in memory (the journal was locked); the journal keeps the drafts. */
    forget() {
      cache.clear();
    },
  };
}

/**
 * Moves drafts from the webview's storage into the journal, adding them to `stored`; a draft
 * the journal already has wins, and one that cannot be saved stays for the next start.
 * @param {DraftStore} store @param {Storage|null} legacy @param {StoredDraft[]} stored
 */
async function moveLegacy(store, legacy, stored) {
  const known = new Set(stored.map((d) => d.key));
  for (const name of legacy ? Object.keys(legacy) : []) {
    if (!name.startsWith(LEGACY_PREFIX)) continue;
    const key = name.slice(LEGACY_PREFIX.length);
    const text = legacy?.getItem(name);
    if (text != null && !known.has(key)) {
      try {
        await store.saveDraft(key, text);
        stored.push({ key, note: text });
      } catch {
        continue; // left where it was; the next start tries again
      }
    }
    legacy?.removeItem(name);
  }
}
