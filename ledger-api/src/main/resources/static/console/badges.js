// A proof badge per record, computed in this browser: the record's RFC 8785 bytes hash to the leaf the
// log holds, the leaf is in the tree by an RFC 9162 inclusion proof, and the tree's root is in a
// checkpoint signed by the log key the user pinned. Green only when all three hold.
import { getJson, getText } from './api.js';
import { checkRecord, latestCheckpoint, parseVerifierKey } from './proof.js';

export const PINNED_LOG_KEY = 'salw-ledger.log-key';

const LABELS = { verified: '✔ proven', pending: '… pending', broken: '✘ not proven' };

/**
 * Proves each entry ({badge, stream, sequence}) with the record of that stream and sequence in
 * {@code records} (served by /chain); an entry without one stays pending with {@code missing}'s reason.
 * Writes the counts and the time taken into {@code summary}.
 */
export async function proveEntries(entries, records, summary, missing) {
  const started = performance.now();
  let verifier;
  try {
    verifier = await parseVerifierKey(localStorage.getItem(PINNED_LOG_KEY) || '');
  } catch (error) {
    summary.textContent = 'no usable pinned log key: ' + error.message;
    return;
  }
  // one checkpoint for all: every record is proven against the same signed root
  let checkpoint = null;
  let checkpointFailure = null;
  try {
    checkpoint = await latestCheckpoint(verifier, getText);
  } catch (error) {
    checkpointFailure = error.message;
  }
  const counts = { verified: 0, pending: 0, broken: 0 };
  for (const entry of entries) {
    const record = records.get(`${entry.stream}/${entry.sequence}`);
    let result;
    if (!record) {
      result = { state: 'pending', reason: missing(entry) };
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
    entry.badge.className = `badge ${result.state}`;
    entry.badge.textContent = LABELS[result.state];
    entry.badge.setAttribute('aria-label', `proof ${result.state}: ${result.reason}`);
    entry.badge.title = result.reason;
  }
  const millis = Math.round(performance.now() - started);
  summary.textContent = `${counts.verified} proven, ${counts.pending} pending, ${counts.broken} not proven, `
    + `checked in this browser in ${millis} ms`;
  summary.dataset.millis = String(millis);
  summary.dataset.proven = String(counts.verified);
}

/** The records of the streams' chains, by "stream/sequence". */
export async function chainRecords(itemIds) {
  const records = new Map();
  for (const itemId of new Set(itemIds)) {
    const chain = await getJson(`/api/v1/items/${itemId}/chain`);
    chain.records.forEach((entry) => records.set(`${entry.record.stream}/${entry.record.sequence}`, entry.record));
  }
  return records;
}

export function pendingBadge() {
  const span = document.createElement('span');
  span.className = 'badge pending';
  span.setAttribute('role', 'img');
  span.setAttribute('aria-label', 'proof not checked yet');
  span.textContent = 'checking…';
  return span;
}
