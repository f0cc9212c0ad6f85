// The investigator's console: sign in with the actor's key (signed in this page), search by what is
// left of a marking, read an item's timeline and composition, and see each record proven against the
// transparency log by the browser itself. Text from the ledger is only ever set as text, never as HTML.
import { endSession, getJson, keepSession, postJson, session } from './api.js';
import { chainRecords, pendingBadge, PINNED_LOG_KEY, proveEntries } from './badges.js';
import { describe, el, failure, show } from './dom.js';
import { keyFromSeedFile, signCommand } from './dsse.js';
import { parseVerifierKey } from './proof.js';
import { traceViews } from './traces.js';

// The signing key lives only in this page's memory (not extractable); a reload asks for the key file again.
let signer = null;
let expiryTimers = [];
// why the last session ended, said once on the sign-in page
let signInNotice = null;
const WARN_BEFORE_MS = 5 * 60 * 1000;

function signOut(message) {
  endSession();
  signer = null;
  expiryTimers.forEach(clearTimeout);
  expiryTimers = [];
  signInNotice = message || null;
  route('#/sign-in');
}

/** Warns five minutes before the session ends, and signs out when it has: reads would answer 401. */
function watchExpiry(current) {
  expiryTimers.forEach(clearTimeout);
  const warning = document.getElementById('session-warning');
  warning.hidden = true;
  const left = new Date(current.expiresAt).getTime() - Date.now();
  const warn = () => {
    warning.replaceChildren(`Your session ends at ${new Date(current.expiresAt).toLocaleTimeString()}. `,
      el('button', { type: 'button', onclick: () => signOut() }, 'Sign in again'), ' to keep working.');
    warning.hidden = false;
  };
  expiryTimers = [
    setTimeout(warn, Math.max(0, left - WARN_BEFORE_MS)),
    setTimeout(() => signOut('Your session ended. Sign in again with your key.'), Math.max(0, left)),
  ];
}

function renderHeader() {
  const bar = document.getElementById('who');
  const current = session();
  if (!current) {
    expiryTimers.forEach(clearTimeout);
    document.getElementById('session-warning').hidden = true;
    bar.replaceChildren(el('span', {}, 'Not signed in'));
    return;
  }
  watchExpiry(current);
  bar.replaceChildren(
    el('span', { id: 'signed-in-as' }, `${current.actorId} (${current.role})`),
    el('span', { class: 'muted', id: 'expires' }, ` · session until ${new Date(current.expiresAt).toLocaleString()}`),
    el('a', { href: '#/search' }, 'Search'),
    el('a', { href: '#/alerts' }, 'Alerts'),
    el('a', { href: '#/traces' }, 'Traces'),
    el('button', { type: 'button', id: 'sign-out', onclick: () => signOut() }, 'Sign out'));
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
  const notice = signInNotice ? el('p', { id: 'session-ended', class: 'error', role: 'alert' }, signInNotice) : '';
  signInNotice = null;
  show(el('h1', {}, 'Sign in'), notice,
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
    entry.itemId !== itemId ? el('span', { class: 'muted' }, ` (on ${entry.itemId})`) : '', pendingBadge()),
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
    el('section', { 'aria-labelledby': 'transfers-h' }, el('h2', { id: 'transfers-h' }, 'Transfers'), transfersOf(history)),
    el('section', { 'aria-labelledby': 'links-h' }, el('h2', { id: 'links-h' }, 'Identity links'), identityLinksOf(history, itemId)),
    el('section', { 'aria-labelledby': 'alerts-h' }, el('h2', { id: 'alerts-h' }, 'Alerts'), itemAlerts),
    el('section', { 'aria-labelledby': 'timeline-h' }, el('h2', { id: 'timeline-h' }, 'Timeline'),
      el('p', { id: 'proof-summary', role: 'status' }, 'Checking every record against the signed log…'), timeline));
  loadComposition(itemId, '', composition);
  loadItemAlerts(itemId, itemAlerts);
  const entries = [...timeline.querySelectorAll('li.record')].map((li) => ({ badge: li.querySelector('.badge'),
    stream: li.dataset.stream, sequence: li.dataset.sequence }));
  // records of other streams in this timeline (a linked identity, an identity component's marks): their chains too
  const others = [...new Set(entries.map((entry) => entry.stream))].filter((stream) => stream !== itemId);
  try {
    (await chainRecords(others)).forEach((record, key) => records.set(key, record));
  } catch (error) {
    // stays pending: the reader may not read that item's chain
  }
  await proveEntries(entries, records, document.getElementById('proof-summary'),
    (entry) => `a record of ${entry.stream}, whose chain you may not read: open that item to check it`);
}

/** The transfers the item moved in, from its own records: dispatched, then received, rejected or missing. */
function transfersOf(history) {
  const transfers = new Map();
  for (const entry of history.events) {
    const transferId = entry.facts && entry.facts.transferId;
    if (transferId) {
      const seen = transfers.get(transferId) || [];
      seen.push(`${entry.type} ${new Date(entry.occurredAt).toLocaleDateString()}`);
      transfers.set(transferId, seen);
    }
  }
  if (transfers.size === 0) {
    return el('p', {}, 'Never transferred.');
  }
  return el('ul', { id: 'transfers' }, [...transfers].map(([transferId, steps]) => el('li', { class: 'transfer' },
    el('a', { href: `#/transfer/${transferId}` }, transferId), el('span', { class: 'muted' }, ` · ${steps.join(' → ')}`))));
}

/** Items recorded as the same physical item (an unmarked recovery linked to its registered identity). */
function identityLinksOf(history, itemId) {
  // the history also holds the linked item's own IdentityLinked record, which names this item
  const links = history.events.filter((entry) => entry.type === 'IdentityLinked' && entry.itemId === itemId);
  if (links.length === 0) {
    return el('p', {}, 'None.');
  }
  return el('ul', { id: 'identity-links' }, links.map((entry) => el('li', { class: 'identity-link' },
    'same item as ', el('a', { href: `#/item/${entry.facts.sameAs}` }, entry.facts.sameAs),
    el('span', { class: 'muted' }, ` · linked by ${entry.facts.linkedBy}, ${new Date(entry.recordedAt).toLocaleDateString()}: ${entry.facts.evidence}`))));
}

async function transferPage(transferId) {
  show(el('h1', {}, 'Transfer'), el('p', { role: 'status' }, 'Loading…'));
  try {
    const transfer = await getJson(`/api/v1/transfers/${transferId}`);
    const { items, ...facts } = transfer;
    show(el('h1', {}, `${transfer.kind} transfer`), el('p', {}, el('strong', { id: 'transfer-state' }, transfer.state),
      ` · ${transfer.sender} (${transfer.senderCountry}) → ${transfer.consignee} (${transfer.consigneeCountry})`),
    describe(facts),
    el('h2', {}, `Items (${items.length})`),
    el('ul', { id: 'transfer-items' }, items.map((item) => el('li', {}, el('a', { href: `#/item/${item.itemId}` }, item.itemId),
      ` ${item.outcome}`))));
  } catch (error) {
    show(el('h1', {}, 'Transfer'), failure(error));
  }
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

const traces = traceViews({ route: (hash) => route(hash), signer: () => signer });

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
  } else if (path.startsWith('/transfer/')) {
    transferPage(decodeURIComponent(path.slice('/transfer/'.length)));
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
