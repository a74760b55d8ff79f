// Unsaved notes while the editor is open. They are kept in the webview's storage, which is a
// file outside the journal: so once the journal is encrypted they live only in memory, and
// every draft left on disk is removed.

const PREFIX = 'nestling.draft.';

/** @type {Map<string, string>|null} in-memory drafts when the disk must not hold them */
let memory = null;

/** Whether drafts are kept in memory only (the journal is encrypted). */
export const inMemoryOnly = () => memory !== null;

/**
 * Chooses where drafts live; switching to memory wipes every draft from the webview's storage.
 * @param {boolean} encrypted
 * @param {Storage} [storage]
 */
export function keepDraftsFor(encrypted, storage = localStorage) {
  if (!encrypted) { memory = null; return; }
  memory ??= new Map();
  for (const key of Object.keys(storage)) {
    if (key.startsWith(PREFIX)) {
      memory.set(key, storage.getItem(key) ?? '');
      storage.removeItem(key);
    }
  }
}

/** @param {string} id @returns {string|null} */
export function getDraft(id) {
  return memory ? memory.get(PREFIX + id) ?? null : localStorage.getItem(PREFIX + id);
}

/** @param {string} id @param {string} text */
export function setDraft(id, text) {
  if (memory) memory.set(PREFIX + id, text);
  else localStorage.setItem(PREFIX + id, text);
}

/** @param {string} id */
export function removeDraft(id) {
  if (memory) memory.delete(PREFIX + id);
  else localStorage.removeItem(PREFIX + id);
}

/** Forgets every draft held in memory (the journal was locked). */
export function forgetMemoryDrafts() {
  memory?.clear();
}
