// @ts-check
// Opening a record for editing: lists may carry only part of a record (a short note preview),
// so the editor always starts from the whole record as the journal holds it now.

import { AppError } from './api.js';

/** Error kinds that mean the record is not in the journal any more. */
const GONE = ['moment_not_found', 'check_in_not_found'];

/**
 * Fetches the whole record to edit. A record moved to the trash or deleted since it was listed
 * is refused with an `AppError` of kind `gone` whose message says so in plain words.
 * @template {{deletedAt: string|null}} T
 * @param {() => Promise<T>} fetch
 * @param {string} what how the message names the record, e.g. "This moment"
 * @returns {Promise<T>}
 */
export async function loadForEditing(fetch, what) {
  let record;
  try {
    record = await fetch();
  } catch (err) {
    if (err instanceof AppError && GONE.includes(err.kind)) throw goneError(what);
    throw err;
  }
  if (record.deletedAt) throw goneError(what);
  return record;
}

/** @param {string} what */
function goneError(what) {
  return new AppError(
    'gone',
    `${what} was moved to the trash or deleted meanwhile, so it cannot be edited. Look for it in the trash to bring it back.`,
  );
}
