// Front-end unit tests for the home screen's words (node --test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encouragementFor, greetingFor } from '../../ui/js/greeting.js';

const at = (hour) => new Date(2026, 10, 26, hour, 30);

test('greets by the time of day', () => {
  assert.equal(greetingFor(at(3)), 'Hello, night owl');
  assert.equal(greetingFor(at(7)), 'Good morning');
  assert.equal(greetingFor(at(13)), 'Good afternoon');
  assert.equal(greetingFor(at(19)), 'Good evening');
  assert.equal(greetingFor(at(23)), 'Good night');
});

test('is gentle about night feeds in the small hours', () => {
  assert.match(encouragementFor(at(3)), /Night feeds are hard/);
  assert.doesNotMatch(encouragementFor(at(10)), /Night feeds/);
});
