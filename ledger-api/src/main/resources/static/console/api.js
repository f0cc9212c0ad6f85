// The ledger's REST API as the console reads it: JSON with the session's bearer token; a
// problem+json answer becomes an Error carrying its title and detail.
const SESSION = 'salw-ledger.session';
// The position of this page's last write: reads send it back so they show that write (ledger-format §4).
let lastWrite = null;

export function session() {
  const stored = sessionStorage.getItem(SESSION);
  if (!stored) {
    return null;
  }
  const value = JSON.parse(stored);
  if (Date.parse(value.expiresAt) <= Date.now()) {
    sessionStorage.removeItem(SESSION);
    return null;
  }
  return value;
}

export function keepSession(value) {
  sessionStorage.setItem(SESSION, JSON.stringify(value));
}

export function endSession() {
  sessionStorage.removeItem(SESSION);
}

async function problem(response) {
  let text = `${response.status} ${response.statusText}`;
  try {
    const body = await response.json();
    text = body.detail || body.title || text;
  } catch (notJson) {
    // keep the status line
  }
  const error = new Error(text);
  error.status = response.status;
  return error;
}

function headers() {
  const current = session();
  const result = { Accept: 'application/json' };
  if (current) {
    result.Authorization = `Bearer ${current.token}`;
  }
  if (lastWrite) {
    result['Ledger-After'] = lastWrite;
  }
  return result;
}

/** GET as JSON; answers null for 404 when `missingIsNull`. */
export async function getJson(path, missingIsNull = false) {
  const response = await fetch(path, { headers: headers() });
  if (missingIsNull && response.status === 404) {
    return null;
  }
  if (!response.ok) {
    throw await problem(response);
  }
  return response.json();
}

export async function getText(path) {
  const response = await fetch(path, { headers: { Accept: 'text/plain' } });
  if (!response.ok) {
    throw await problem(response);
  }
  return response.text();
}

export async function postJson(path, body) {
  const response = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body) });
  if (!response.ok) {
    throw await problem(response);
  }
  lastWrite = response.headers.get('Ledger-Position') || lastWrite;
  return response.json();
}
