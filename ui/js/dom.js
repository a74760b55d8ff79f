// @ts-check
// Element builders. User text always goes in as text; there is no way to pass HTML here.

/**
 * Builds an element. `props` keys starting with "on" add listeners; `dataset`, `aria` and
 * plain attributes are set as attributes; children are nodes or strings (added as text).
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, any>} [props]
 * @param {...(Node|string|null|undefined|false)} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      node.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === 'text') {
      node.textContent = String(value);
    } else {
      node.setAttribute(key, value === true ? '' : String(value));
    }
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

/**
 * Replaces the children of `parent` with `children`.
 * @param {Element} parent
 * @param {...(Node|string)} children
 */
export function replace(parent, ...children) {
  parent.replaceChildren(...children);
}

/**
 * Opens in `fresh` the folding sections (`<details>`) that were open in `shown`. A section is
 * known by its id, or else by the id of the nearest element around it that has one, the text of
 * its summary and its place among sections known the same way (several charts may each have
 * "The numbers"): a screen drawn again (a setting changed, news from the partner's computer)
 * keeps open what the parent opened, and nothing else.
 * @param {ParentNode} shown the container the screen is drawn in
 * @param {ParentNode} fresh the screen drawn again, not yet in the container
 */
export function keepOpenSections(shown, fresh) {
  const open = new Set(
    sectionKeys(shown, shown)
      .filter(([d]) => d.open)
      .map(([, key]) => key),
  );
  if (open.size === 0) return;
  for (const [details, key] of sectionKeys(fresh, null)) if (open.has(key)) details.open = true;
}

/**
 * @param {ParentNode} root
 * @param {ParentNode | null} container where the search for an id around a section stops
 * @returns {[HTMLDetailsElement, string][]}
 */
function sectionKeys(root, container) {
  /** @type {Map<string, number>} */
  const seen = new Map();
  return [...root.querySelectorAll('details')].map((d) => {
    const details = /** @type {HTMLDetailsElement} */ (d);
    if (details.id) return [details, `#${details.id}`];
    let around = details.parentElement;
    while (around && around !== container && !around.id) around = around.parentElement;
    const aroundId = around && around !== container ? around.id : '';
    const summary = details.querySelector(':scope > summary')?.textContent ?? '';
    const base = `${aroundId}/${summary}`;
    const nth = seen.get(base) ?? 0;
    seen.set(base, nth + 1);
    return [details, `${base}/${nth}`];
  });
}

/**
 * Puts HTML that Rust rendered and sanitized into `node`. The only place the UI sets HTML: never
 * pass it anything typed by the parent or built in JavaScript.
 * @param {Element} node
 * @param {string} sanitizedHtml
 */
export function setSanitizedHtmlFromRust(node, sanitizedHtml) {
  node.innerHTML = sanitizedHtml;
}
