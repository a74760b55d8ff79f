// Opening a record for editing reads it whole, and says plainly when it is gone (node --test).
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { AppError } from '../../ui/js/api.js';
import { loadForEditing } from '../../ui/js/editing.js';

test('a live record is edited as the journal holds it now', async () => {
  const whole = { id: 4, note: 'the whole note, not a preview', deletedAt: null };
  assert.equal(await loadForEditing(async () => whole, 'This moment'), whole);
});

test('a record moved to the trash meanwhile is refused with a plain message', async () => {
  const trashed = async () => ({ id: 4, deletedAt: '2026-12-01T10:00:00Z' });
  await assert.rejects(loadForEditing(trashed, 'This moment'), (err) => {
    assert.ok(err instanceof AppError);
    assert.equal(err.kind, 'gone');
    assert.match(err.message, /^This moment was moved to the trash or deleted meanwhile/);
    return true;
  });
});

test('a record deleted for good is refused the same way', async () => {
  for (const kind of ['moment_not_found', 'check_in_not_found']) {
    const missing = async () => {
      throw new AppError(kind, 'not there');
    };
    await assert.rejects(loadForEditing(missing, 'This check-in'), { kind: 'gone' });
  }
});

test('any other failure is passed on as it was', async () => {
  const locked = async () => {
    throw new AppError('locked', 'The journal is locked.');
  };
  await assert.rejects(loadForEditing(locked, 'This moment'), { kind: 'locked' });
});
