// The investigator's console: sign in with the actor's key (signed in this page), search by what is
// left of a marking, read an item's timeline and composition, and see each record proven against the
// transparency log by the browser itself. Text from the ledger is only ever set as text, never as HTML.
import { endSession, getJson, getText, keepSession, postJson, session } from './api.js';
import { keyFromSeedFile, signCommand } from './dsse.js';
import { checkRecord, latestCheckpoint, parseVerifierKey } from './proof.js';
import { traceViews } from './traces.js';

const PINNED_LOG_KEY = 'salw-ledger.log-key';
// The signing key lives only in this page's memory (not extractable); a reload asks for the key file again.
let signer = null;
const main = document.getElementById('main');

function el(tag, attributes = {}, ...children) {
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

function show(...nodes) {
  main.replaceChildren(...nodes);
  const heading = main.querySelector('h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus();
  }
}

function failure(error) {
  return el('p', { class: 'error', role: 'alert' }, error.message);
}

function renderHeader() {
  const bar = document.getElementById('who');
  const current = session();
  if (!current) {
    bar.replaceChildren(el('span', {}, 'Not signed in'));
    return;
  }
  bar.replaceChildren(
    el('span', { id: 'signed-in-as' }, `${current.actorId} (${current.role})`),
    el('span', { class: 'muted', id: 'expires' }, ` · session until ${new Date(current.expiresAt).toLocaleString()}`),
    el('a', { href: '#/search' }, 'Search'),
    el('a', { href: '#/alerts' }, 'Alerts'),
    el('a', { href: '#/traces' }, 'Traces'),
    el('button', { type: 'button', id: 'sign-out', onclick: () => { endSession(); signer = null; route('#/sign-in'); } }, 'Sign out'));
}

function signInPage() {
  const status = el('p', { id: 'sign-in-status', role: 'status' });
  const form = el('form', { id: 'sign-in', onsubmit: async (event) => {
    event.preventDefault();
    status.replaceChildren('Signing in…');
    try {
      const data = new FormData(form);
      const file = data.get('key');
      if (!file || !file.size) {
        throw new Error('choose your key file (written by ledger keygen)');
      }
      const logKey = String(data.get('logKey') || '').trim();
      await parseVerifierKey(logKey);
      const actor = String(data.get('actor')).trim();
      const key = await keyFromSeedFile(await file.text());
      const envelope = await signCommand({ type: 'OpenSession' }, actor, key);
      const opened = await postJson('/api/v1/sessions', envelope);
      localStorage.setItem(PINNED_LOG_KEY, logKey);
      keepSession(opened);
      signer = { actor, key };
      route('#/search');
    } catch (error) {
      status.replaceChildren(failure(error));
    }
  } },
  el('label', { for: 'actor' }, 'Actor id'),
  el('input', { id: 'actor', name: 'actor', required: true, autocomplete: 'username', placeholder: 'NL-INV' }),
  el('label', { for: 'key' }, 'Key file (private seed; read and used in this page only, never sent)'),
  el('input', { id: 'key', name: 'key', type: 'file', required: true }),
  el('label', { for: 'logKey' }, 'Pinned log key (the vkey you trust, e.g. from your authority)'),
  el('textarea', { id: 'logKey', name: 'logKey', rows: 2, required: true },
    localStorage.getItem(PINNED_LOG_KEY) || ''),
  el('button', { type: 'submit' }, 'Sign in'));
  show(el('h1', {}, 'Sign in'),
    el('p', {}, 'The page signs an OpenSession command with your key (Ed25519, in the browser) and keeps the '
      + 'session token for this tab. Every record is checked against the log key you pin here.'),
    form, status);
}

const FILTERS = [['kind', 'Kind', ['', 'WEAPON', 'PART']], ['category', 'Category'], ['manufacturer', 'Manufacturer'],
  ['country', 'Country of manufacture'], ['calibre', 'Calibre']];

async function searchPage(params) {
  const mark = params.get('mark') || '';
  const form = el('form', { id: 'search', role: 'search', onsubmit: (event) => {
    event.preventDefault();
    const query = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (String(value).trim()) {
        query.set(name, String(value).trim());
      }
    }
    route('#/search?' + query);
  } },
  el('label', { for: 'mark' }, 'Marking as read (? one unreadable character, * an unknown run)'),
  el('input', { id: 'mark', name: 'mark', value: mark, required: true, placeholder: 'FNH??500*' }),
  el('fieldset', {}, el('legend', {}, 'Filters'), FILTERS.map(([name, label, options]) => el('span', { class: 'filter' },
    el('label', { for: name }, label),
    options
      ? el('select', { id: name, name }, options.map((o) => el('option', { value: o, selected: params.get(name) === o }, o || 'any')))
      : el('input', { id: name, name, value: params.get(name) || '' })))),
  el('button', { type: 'submit' }, 'Search'));
  const results = el('div', { id: 'results', 'aria-live': 'polite' });
  show(el('h1', {}, 'Search by marking'), form, results);
  if (!mark) {
    return;
  }
  try {
    const query = new URLSearchParams(params);
    const found = await getJson('/api/v1/items?' + query);
    if (found.items.length === 0) {
      results.replaceChildren(el('p', {}, `No item you may read carries a marking like “${mark}”.`));
      return;
    }
    results.replaceChildren(el('table', {},
      el('caption', {}, `${found.items.length}${found.hasMore ? '+' : ''} matches for “${mark}”, best first`),
      el('thead', {}, el('tr', {}, ['Match', 'Marking', 'Item', 'Status', 'Custodian', 'Installed in']
        .map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, found.items.map((hit) => el('tr', { class: 'hit' },
        el('td', {}, hit.match.replace(/_/g, ' ').toLowerCase()),
        el('td', {}, el('code', {}, hit.matchedText), ' ', el('span', { class: 'muted' }, hit.markType || '')),
        el('td', {}, el('a', { href: `#/item/${hit.itemId}` }, `${hit.make || ''} ${hit.model || ''}`.trim() || hit.itemId),
          el('div', { class: 'muted' }, [hit.kind, hit.category || hit.partType, hit.calibre].filter(Boolean).join(' · '))),
        el('td', {}, el('span', { class: `status ${hit.status}` }, hit.status)),
        el('td', {}, hit.custodian),
        el('td', {}, hostCell(hit)))))));
  } catch (error) {
    results.replaceChildren(failure(error));
  }
}

// A part found alone still names the weapon it was taken from, and when.
function hostCell(hit) {
  const host = hit.installedIn || hit.formerlyInstalledIn;
  if (!host) {
    return '—';
  }
  const link = el('a', { href: `#/item/${host.itemId}` }, `${host.make || ''} ${host.model || ''}`.trim() || host.itemId);
  return host.detachedAt ? el('span', {}, link, el('div', { class: 'muted' },
    `taken out ${new Date(host.detachedAt).toLocaleString()}`)) : link;
}

function alertRow(alert) {
  return el('tr', { class: 'alert' },
    el('td', {}, alert.type.replace(/_/g, ' ').toLowerCase()),
    el('td', {}, el('span', { class: `status ${alert.status}` }, alert.status)),
    el('td', {}, alert.summary),
    el('td', {}, alert.items.map((id) => el('div', {}, el('a', { href: `#/item/${id}` }, id))),
      alert.itemCount > alert.items.length ? el('div', { class: 'muted' }, `and ${alert.itemCount - alert.items.length} more`) : ''),
    el('td', {}, new Date(alert.raisedAt).toLocaleString(),
      alert.resolvedAt ? el('div', { class: 'muted' }, `resolved ${new Date(alert.resolvedAt).toLocaleString()}: ${alert.resolution || ''}`) : ''));
}

function alertTable(alerts, caption) {
  return el('table', { class: 'alerts' }, el('caption', {}, caption),
    el('thead', {}, el('tr', {}, ['Alert', 'Status', 'What', 'Items', 'Raised'].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, alerts.map(alertRow)));
}

const ALERT_TYPES = ['', 'TRANSFER_OVERDUE', 'REFUSED_LOST_OR_STOLEN', 'MARK_MISSING', 'LOST_OR_STOLEN_RECOVERED',
  'RECOVERED_AFTER_DESTRUCTION', 'MISSING_FROM_RECEIPT'];

async function alertsPage(params) {
  const status = params.get('status') || 'OPEN';
  const type = params.get('type') || '';
  const form = el('form', { id: 'alert-filter', onsubmit: (event) => {
    event.preventDefault();
    const query = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (value) {
        query.set(name, String(value));
      }
    }
    route('#/alerts?' + query);
  } },
  el('label', { for: 'alert-status' }, 'Status'),
  el('select', { id: 'alert-status', name: 'status' }, ['OPEN', 'RESOLVED', 'ALL'].map((o) => el('option', { value: o, selected: o === status }, o))),
  el('label', { for: 'alert-type' }, 'Type'),
  el('select', { id: 'alert-type', name: 'type' }, ALERT_TYPES.map((o) => el('option', { value: o, selected: o === type }, o || 'any'))),
  el('button', { type: 'submit' }, 'Show'));
  const list = el('div', { id: 'alert-list', 'aria-live': 'polite' }, 'Loading…');
  show(el('h1', {}, 'Diversion alerts'), form, list);
  try {
    const query = new URLSearchParams({ status });
    if (type) {
      query.set('type', type);
    }
    const found = await getJson('/api/v1/alerts?' + query);
    list.replaceChildren(found.alerts.length === 0 ? el('p', {}, 'No alerts you may read match.')
      : alertTable(found.alerts, `${found.alerts.length} ${status.toLowerCase()} alerts, newest first`));
  } catch (error) {
    list.replaceChildren(failure(error));
  }
}

async function loadItemAlerts(itemId, target) {
  try {
    const found = await getJson(`/api/v1/alerts?status=ALL&itemId=${encodeURIComponent(itemId)}`);
    target.replaceChildren(found.alerts.length === 0 ? el('p', {}, 'No alerts about this item.')
      : alertTable(found.alerts, `${found.alerts.length} alerts about this item`));
  } catch (error) {
    target.replaceChildren(failure(error));
  }
}

function describe(facts) {
  return el('dl', { class: 'facts' }, Object.entries(facts || {}).filter(([, value]) => value !== undefined && value !== null)
    .map(([name, value]) => [
    el('dt', {}, name), el('dd', {}, typeof value === 'object' ? JSON.stringify(value) : String(value))]));
}

async function itemPage(itemId) {
  show(el('h1', {}, 'Item'), el('p', { role: 'status' }, 'Loading…'));
  let item;
  let history;
  let chain;
  try {
    [item, history, chain] = await Promise.all([getJson(`/api/v1/items/${itemId}`),
      getJson(`/api/v1/items/${itemId}/history`), getJson(`/api/v1/items/${itemId}/chain`)]);
  } catch (error) {
    show(el('h1', {}, 'Item'), failure(error));
    return;
  }
  const records = new Map(chain.records.map((entry) => [`${entry.record.stream}/${entry.record.sequence}`, entry.record]));
  const composition = el('div', { id: 'composition' });
  const itemAlerts = el('div', { id: 'item-alerts' });
  const at = el('input', { id: 'at', type: 'datetime-local' });
  const timeline = el('ol', { id: 'timeline', class: 'timeline' }, history.events.map((entry) => el('li', {
    class: 'record', 'data-stream': entry.itemId, 'data-sequence': entry.sequence },
  el('div', { class: 'when' },
    'occurred ', el('time', { datetime: entry.occurredAt }, new Date(entry.occurredAt).toLocaleString()),
    el('span', { class: 'muted' }, ' · recorded ', el('time', { datetime: entry.recordedAt },
      new Date(entry.recordedAt).toLocaleString()))),
  el('div', { class: 'what' }, el('strong', { class: 'type' }, entry.type), ' by ', el('span', { class: 'actor' }, entry.actor),
    entry.itemId !== itemId ? el('span', { class: 'muted' }, ` (on ${entry.itemId})`) : '',
    el('span', { class: 'badge pending', role: 'img', 'aria-label': 'proof not checked yet' }, 'checking…')),
  // the facts shown are those of the record the badge proves, not the view's copy of them
  describe((records.get(`${entry.itemId}/${entry.sequence}`) || entry).facts),
  entry.correctedFacts ? el('div', { class: 'correction' }, `Corrected in record ${entry.correctedIn}:`,
    describe(entry.correctedFacts)) : '',
  el('div', { class: 'hash muted' }, 'record ', el('code', {}, entry.recordHash)))));
  show(el('h1', {}, `${item.make || ''} ${item.model || ''}`.trim() || 'Item'),
    el('section', { 'aria-labelledby': 'summary-h' }, el('h2', { id: 'summary-h' }, 'Now'),
      describe({ itemId: item.itemId, kind: item.kind, category: item.category || item.partType, calibre: item.calibre,
        status: item.status, custodian: item.custodian, manufacturer: item.manufacturer,
        countryOfManufacture: item.countryOfManufacture, installedIn: item.installedIn || undefined,
        identityItem: item.identityItem || undefined }),
      el('ul', { id: 'markings' }, item.markings.map((m) => el('li', {}, el('code', {}, m.text), ` ${m.markType} on ${m.component}`)))),
    el('section', { 'aria-labelledby': 'composition-h' }, el('h2', { id: 'composition-h' }, 'Composition'),
      el('form', { onsubmit: (event) => { event.preventDefault(); loadComposition(itemId, at.value, composition); } },
        el('label', { for: 'at' }, 'At (local time; empty: now)'), at, el('button', { type: 'submit' }, 'Show')),
      composition),
    el('section', { 'aria-labelledby': 'alerts-h' }, el('h2', { id: 'alerts-h' }, 'Alerts'), itemAlerts),
    el('section', { 'aria-labelledby': 'timeline-h' }, el('h2', { id: 'timeline-h' }, 'Timeline'),
      el('p', { id: 'proof-summary', role: 'status' }, 'Checking every record against the signed log…'), timeline));
  loadComposition(itemId, '', composition);
  loadItemAlerts(itemId, itemAlerts);
  await proveAll(timeline, records, itemId);
}

async function loadComposition(itemId, localTime, target) {
  try {
    const query = localTime ? `?at=${encodeURIComponent(new Date(localTime).toISOString())}` : '';
    const found = await getJson(`/api/v1/items/${itemId}/composition${query}`);
    target.replaceChildren(found.parts.length === 0 ? el('p', {}, `No parts installed at ${found.at}.`)
      : el('ul', {}, found.parts.map((part) => el('li', { class: 'part' }, el('a', { href: `#/item/${part.partId}` },
        `${part.partType} ${part.model || ''}`.trim()), el('span', { class: 'muted' }, ` since ${part.assembledAt}`)))));
  } catch (error) {
    target.replaceChildren(failure(error));
  }
}

/** Each record of the item's own stream is proven; records of other streams shown here link to their item. */
async function proveAll(timeline, records, itemId) {
  const started = performance.now();
  let verifier;
  try {
    verifier = await parseVerifierKey(localStorage.getItem(PINNED_LOG_KEY) || '');
  } catch (error) {
    document.getElementById('proof-summary').replaceChildren(failure(new Error('no usable pinned log key: ' + error.message)));
    return;
  }
  // one checkpoint for the whole timeline: every record is proven against the same signed root
  let checkpoint = null;
  let checkpointFailure = null;
  try {
    checkpoint = await latestCheckpoint(verifier, getText);
  } catch (error) {
    checkpointFailure = error.message;
  }
  const counts = { verified: 0, pending: 0, broken: 0 };
  for (const item of timeline.querySelectorAll('li.record')) {
    const badge = item.querySelector('.badge');
    const key = `${item.dataset.stream}/${item.dataset.sequence}`;
    const record = records.get(key);
    let result;
    if (!record) {
      result = { state: 'pending', reason: `a record of ${item.dataset.stream}: open that item to check it` };
    } else if (!checkpoint) {
      result = { state: 'broken', reason: checkpointFailure };
    } else {
      try {
        result = await checkRecord(record, checkpoint, (path) => getJson(path, true));
      } catch (error) {
        result = { state: 'broken', reason: error.message };
      }
    }
    counts[result.state]++;
    badge.className = `badge ${result.state}`;
    badge.textContent = { verified: '✔ proven', pending: '… pending', broken: '✘ not proven' }[result.state];
    badge.setAttribute('aria-label', `proof ${result.state}: ${result.reason}`);
    badge.title = result.reason;
  }
  const millis = Math.round(performance.now() - started);
  document.getElementById('proof-summary').replaceChildren(
    `${counts.verified} proven, ${counts.pending} pending, ${counts.broken} not proven, checked in this browser in ${millis} ms`);
  document.getElementById('proof-summary').dataset.millis = String(millis);
}

const traces = traceViews({ el, show, failure, route: (hash) => route(hash), signer: () => signer, describe });

function route(hash) {
  if (hash && location.hash !== hash) {
    location.hash = hash;
    return;
  }
  renderHeader();
  const [path, query] = location.hash.slice(1).split('?');
  if (!session()) {
    signInPage();
    return;
  }
  if (path.startsWith('/item/')) {
    itemPage(decodeURIComponent(path.slice('/item/'.length)));
  } else if (path.startsWith('/trace/')) {
    traces.tracePage(decodeURIComponent(path.slice('/trace/'.length)));
  } else if (path === '/traces') {
    traces.tracesPage();
  } else if (path === '/alerts') {
    alertsPage(new URLSearchParams(query || ''));
  } else if (path === '/sign-in') {
    signInPage();
  } else {
    searchPage(new URLSearchParams(query || ''));
  }
}

window.addEventListener('hashchange', () => route());
route();
