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
 * Puts HTML that Rust rendered and sanitized into `node`. The only place the UI sets HTML: never
 * pass it anything typed by the parent or built in JavaScript.
 * @param {Element} node
 * @param {string} sanitizedHtml
 */
export function setSanitizedHtmlFromRust(node, sanitizedHtml) {
  node.innerHTML = sanitizedHtml;
}
