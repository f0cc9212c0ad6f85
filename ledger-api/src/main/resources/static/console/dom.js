// Building the page: text from the ledger is only ever set as text, never as HTML.
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name.startsWith('on')) {
      node.addEventListener(name.slice(2), value);
    } else {
      node.setAttribute(name, value === true ? '' : value);
    }
  }
  for (const child of children.flat(Infinity)) {
    if (child !== undefined && child !== null) {
      node.append(child instanceof Node ? child : String(child));
    }
  }
  return node;
}

/** Replaces the page's content and moves keyboard focus to its heading (screen readers announce it). */
export function show(...nodes) {
  const main = document.getElementById('main');
  main.replaceChildren(...nodes);
  const heading = main.querySelector('h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus();
  }
}

export function failure(error) {
  return el('p', { class: 'error', role: 'alert' }, error.message);
}

export function describe(facts) {
  return el('dl', { class: 'facts' }, Object.entries(facts || {}).filter(([, value]) => value !== undefined && value !== null)
    .map(([name, value]) => [
      el('dt', {}, name), el('dd', {}, typeof value === 'object' ? JSON.stringify(value) : String(value))]));
}
