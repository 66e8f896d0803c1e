// DOM helpers. Every piece of text from the API reaches the page through
// these as a text node or an attribute value, never as HTML.

// el builds an element. attrs: "class", "dataset" (object), "on<event>"
// (listener) or plain attributes; children: nodes or strings (as text).
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") e.className = v;
    else if (k === "dataset") Object.assign(e.dataset, v);
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, String(v));
  }
  append(e, children);
  return e;
}

export function append(parent, children) {
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false || c === "") continue;
    parent.append(c instanceof Node ? c : String(c));
  }
  return parent;
}

// clear removes every child of node.
export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

// safeURL returns url when it is an http(s) URL, else null, so an article's
// URL can never become a javascript: link.
export function safeURL(url) {
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch {
    return null;
  }
}

// escapeHTML is only for the one Leaflet API that takes an HTML string
// (attribution); everything else uses text nodes.
export function escapeHTML(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}
