// Safe DOM construction: every piece of data becomes a text node or an attribute value,
// never markup. This is the only way the page builds elements, so report text containing
// "<script>" or "<img onerror=...>" is always shown as text (and the CSP forbids inline code).

const SVG_NS = "http://www.w3.org/2000/svg";

// Attributes that could run code or bypass the stylesheet are refused outright, so a
// mistake in a caller fails loudly instead of opening a hole.
const FORBIDDEN_ATTR = /^(on|style$|srcdoc$|formaction$)/i;

function setAttrs(node, attrs) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (FORBIDDEN_ATTR.test(name)) throw new Error(`dom: attribute ${name} is not allowed`);
    if (name === "href" && !isSafeHref(String(value))) continue;
    node.setAttribute(name, value === true ? "" : String(value));
  }
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Only http(s) and same-page links are followed; anything else (javascript:, data:) is dropped. */
export function isSafeHref(href) {
  try {
    const url = new URL(href, window.location.href);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

/** An HTML element: `h("td", {class: "num"}, value)`. Children are nodes or text. */
export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  return append(node, children);
}

/** An SVG element (timeline bars, legend swatches). */
export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttrs(node, attrs);
  return append(node, children);
}

/** Replace all children of `node`. */
export function replaceChildren(node, ...children) {
  node.replaceChildren();
  return append(node, children);
}

/** The element with this id, or an error naming it (a missing id is a page bug). */
export function byId(id) {
  const node = document.getElementById(id);
  if (!node) throw new Error(`page: no element #${id}`);
  return node;
}
