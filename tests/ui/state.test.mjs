// Front-end unit tests for the state module and the API's error shape (node --test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createState, daySpan, routeFromHash, viewFromHash } from '../../ui/js/state.js';
import { AppError, toAppError } from '../../ui/js/api.js';

test('unknown or empty hashes fall back to home', () => {
  assert.equal(viewFromHash('#settings'), 'settings');
  assert.equal(viewFromHash(''), 'home');
  assert.equal(viewFromHash('#<script>'), 'home');
});

test('help opens at a tier, and an unknown tier opens it at the top', () => {
  assert.deepEqual(routeFromHash('#help'), { view: 'help', param: '' });
  assert.deepEqual(routeFromHash('#help/now'), { view: 'help', param: 'now' });
  assert.deepEqual(routeFromHash('#help/soon'), { view: 'help', param: 'soon' });
  assert.deepEqual(routeFromHash('#help/%3Cscript%3E'), { view: 'help', param: '' });
});

test('settings opens at sharing from the header mark, and at the top otherwise', () => {
  assert.deepEqual(routeFromHash('#settings/sharing'), { view: 'settings', param: 'sharing' });
  assert.deepEqual(routeFromHash('#settings'), { view: 'settings', param: '' });
  assert.deepEqual(routeFromHash('#settings/elsewhere'), { view: 'settings', param: '' });
});

test('the journal opens on a span of real days, and anything else opens it as usual', () => {
  assert.deepEqual(routeFromHash('#journal/2026-10-05..2026-10-11'), {
    view: 'journal',
    param: '2026-10-05..2026-10-11',
  });
  assert.deepEqual(daySpan('2026-10-05..2026-10-11'), { from: '2026-10-05', to: '2026-10-11' });
  assert.deepEqual(routeFromHash('#journal'), { view: 'journal', param: '' });
  for (const bad of [
    '2026-10-11..2026-10-05',
    '2026-02-30..2026-03-01',
    '2026-13-01..2026-13-02',
    '2026-10-05',
    '<img>..2026-10-05',
    '2026-10-05..2026-10-11/x',
  ]) {
    assert.equal(daySpan(bad), null, bad);
    assert.deepEqual(routeFromHash(`#journal/${bad}`), { view: 'journal', param: '' }, bad);
  }
  assert.deepEqual(routeFromHash('#patterns'), { view: 'patterns', param: '' });
});

test('subscribers hear every update', () => {
  const state = createState();
  let heard = 0;
  state.subscribe(() => {
    heard += 1;
  });
  state.update({ view: 'library' });
  assert.equal(heard, 1);
  assert.equal(state.get().view, 'library');
});

test('a Rust error keeps its kind and message', () => {
  const err = toAppError({ kind: 'too_new', message: 'Please install the newer version.' });
  assert.ok(err instanceof AppError);
  assert.equal(err.kind, 'too_new');
  assert.equal(err.message, 'Please install the newer version.');
});

test('anything else becomes a calm internal error', () => {
  const err = toAppError('command get_home not allowed');
  assert.equal(err.kind, 'internal');
  assert.match(err.message, /Nothing you saved has been changed/);
});

test('an article route carries its slug, and a bad slug goes home', async () => {
  const { routeFromHash } = await import('../../ui/js/state.js');
  assert.deepEqual(routeFromHash('#article/skin-to-skin-contact'), {
    view: 'article',
    param: 'skin-to-skin-contact',
  });
  assert.deepEqual(routeFromHash('#article/<img>'), { view: 'home', param: '' });
  assert.deepEqual(routeFromHash('#article'), { view: 'home', param: '' });
  assert.deepEqual(routeFromHash('#library'), { view: 'library', param: '' });
});
