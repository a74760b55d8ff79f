// Every command the UI may call is called: each function api.js exports is imported by name,
// or used through the injected `api` namespace, by some other module under ui/js/ (node --test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import * as api from '../../ui/js/api.js';

const root = fileURLToPath(new URL('../../ui/js/', import.meta.url));

/** @param {string} dir @returns {string[]} */
function modules(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? modules(path) : name.endsWith('.js') ? [path] : [];
  });
}

/** Names a module takes from api.js: its named imports, and every `api.name` it reads. */
export function namesUsed(source) {
  const used = new Set();
  const imports = /import\s*\{([^}]*)\}\s*from\s*'[./]*(?:\.\.\/)*api\.js'/g;
  for (const [, list] of source.matchAll(imports)) {
    for (const part of list.split(',')) used.add(part.trim().split(/\s+as\s+/)[0]);
  }
  for (const [, name] of source.matchAll(/\bapi\.(\w+)(?![\w'])/g)) used.add(name);
  used.delete('');
  return used;
}

test('named imports and namespace reads both count as a use', () => {
  const source = "import { AppError, toAppError as f } from '../api.js';\nawait deps.api.lock();";
  assert.deepEqual([...namesUsed(source)].sort(), ['AppError', 'lock', 'toAppError']);
  assert.deepEqual([...namesUsed("import { el } from './dom.js';")], []);
});

test('every function api.js exports is used by another module', () => {
  const used = new Set();
  for (const path of modules(root).filter((p) => relative(root, p) !== 'api.js')) {
    for (const name of namesUsed(readFileSync(path, 'utf8'))) used.add(name);
  }
  const exported = Object.keys(api).filter((name) => typeof api[name] === 'function');
  const unused = exported.filter((name) => !used.has(name));
  assert.deepEqual(unused, [], `exported by api.js but used by no module: ${unused.join(', ')}`);
});
