// @ts-check
// Parts of the page read the first time they are needed rather than at start, so the first
// screen is drawn sooner (BENCHMARKS.md, "Screens made when first opened").

/**
 * A feature made the first time it is asked for, and kept. A failed first try (its modules
 * could not be read) is forgotten, so the next one tries again.
 * @template T
 * @param {() => Promise<T>} make
 * @returns {() => Promise<T>}
 */
export function later(make) {
  /** @type {Promise<T> | undefined} */
  let made;
  return () => {
    made ??= make().catch((err) => {
      made = undefined;
      throw err;
    });
    return made;
  };
}
