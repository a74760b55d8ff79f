// Every UI module links: its imports resolve and name real exports (node --test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../ui/js/', import.meta.url));

function modules(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? modules(path) : name.endsWith('.js') ? [path] : [];
  });
}

// main.js is the composition root and starts the app against a real document when imported.
const all = modules(root).filter((path) => relative(root, path) !== 'main.js');

test('there are modules to check', () => {
  assert.ok(all.length > 10, `found only ${all.length}`);
});

for (const path of all) {
  test(`${relative(root, path)} links`, async () => {
    await import(pathToFileURL(path).href);
  });
}
