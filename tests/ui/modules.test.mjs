// Every UI module links: its imports resolve and name real exports (node --test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
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

/** The modules main.js reads before anything is drawn: its static imports, all the way down. */
function firstScreen() {
  const seen = new Set();
  const todo = ['main.js'];
  while (todo.length) {
    const name = todo.pop();
    if (seen.has(name)) continue;
    seen.add(name);
    const source = readFileSync(join(root, name), 'utf8');
    for (const [, spec] of source.matchAll(/^import\s[^'"]*['"](\.[^'"]+)['"]/gm))
      todo.push(relative(root, join(root, dirname(name), spec)));
  }
  return seen;
}

// Start-up: what only another screen or a dialog needs is read when it is first opened
// (BENCHMARKS.md). A static import of one of these would put it back on the first screen's path.
test('the first screen reads none of the parts made when first opened', () => {
  const read = firstScreen();
  assert.ok(read.has('journal/today.js'), 'the walk follows imports');
  for (const later of [
    'journal/editor.js',
    'journal/timeline.js',
    'journal/manage.js',
    'checkin/form.js',
    'privacy/controller.js',
    'privacy/section.js',
    'library/controller.js',
    'patterns/controller.js',
    'export/controller.js',
    'help/controller.js',
  ])
    assert.ok(!read.has(later), `${later} is read at start`);
});

// Start-up: index.html asks for every module of the first screen at once. A module missing from
// its list would be fetched only when its importer is read; one listed but no longer imported
// would be fetched for nothing.
test('index.html preloads exactly the modules the first screen reads', () => {
  const html = readFileSync(new URL('../../ui/index.html', import.meta.url), 'utf8');
  const preloaded = [...html.matchAll(/<link rel="modulepreload" href="js\/([^"]+)">/g)].map(
    ([, name]) => name,
  );
  const read = [...firstScreen()].filter((name) => name !== 'main.js');
  assert.deepEqual([...preloaded].sort(), read.sort());
  assert.equal(new Set(preloaded).size, preloaded.length, 'a module is listed twice');
});
