// The browser's own check of a record against the transparency log (ledger-format §5): the record's
// RFC 8785 bytes hashed as an RFC 6962 leaf, an RFC 9162 inclusion proof to a checkpoint's root, and
// the checkpoint's C2SP signed note verified with the log key the user pinned. Nothing here trusts
// the server's word: it supplies bytes, the browser decides.
import { canonicalBytes } from './jcs.js';
import { concat, equal, fromBase64, sha256, toBase64 } from './bytes.js';

const encoder = new TextEncoder();

export async function leafHash(record) {
  return sha256(concat(new Uint8Array([0]), canonicalBytes(record)));
}

async function nodeHash(left, right) {
  return sha256(concat(new Uint8Array([1]), left, right));
}

/** RFC 9162 §2.1.3.2: the root an inclusion proof leads to, or null when the proof has the wrong shape. */
export async function rootFromInclusionProof(index, size, leaf, proof) {
  if (index >= size) {
    return null;
  }
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) {
      return null;
    }
    if (fn % 2 === 1 || fn === sn) {
      r = await nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = await nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r : null;
}

/** A C2SP vkey `<name>+<hex key ID>+<base64(0x01 ‖ Ed25519 key)>`, checked and imported. */
export async function parseVerifierKey(vkey) {
  // The key's base64 may itself hold '+': only the first two separate the fields (a name has none).
  const text = vkey.trim();
  const first = text.indexOf('+');
  const second = text.indexOf('+', first + 1);
  if (first <= 0 || second < 0) {
    throw new Error('a log key reads <origin>+<key ID>+<key>');
  }
  const [name, hexId, encoded] = [text.slice(0, first), text.slice(first + 1, second), text.slice(second + 1)];
  const raw = fromBase64(encoded);
  if (raw.length !== 33 || raw[0] !== 1) {
    throw new Error('not an Ed25519 note key');
  }
  const id = (await sha256(concat(encoder.encode(name + '\n'), raw))).slice(0, 4);
  if (Array.from(id, (b) => b.toString(16).padStart(2, '0')).join('') !== hexId) {
    throw new Error('the key ID does not match the key');
  }
  const key = await crypto.subtle.importKey('raw', raw.slice(1), { name: 'Ed25519' }, false, ['verify']);
  return { name, id, key };
}

/** Opens a C2SP signed note with the pinned key; answers the checkpoint it signs, or throws. */
export async function openCheckpoint(note, verifier) {
  const split = note.lastIndexOf('\n\n');
  if (split < 0) {
    throw new Error('not a signed note');
  }
  const text = note.slice(0, split + 1);
  const signatures = note.slice(split + 2).split('\n').filter((line) => line.length > 0);
  let verified = false;
  for (const line of signatures) {
    const match = /^\u2014 (\S+) (\S+)$/.exec(line);
    if (!match || match[1] !== verifier.name) {
      continue;
    }
    const blob = fromBase64(match[2]);
    if (blob.length !== 68 || !equal(blob.slice(0, 4), verifier.id)) {
      continue;
    }
    verified = await crypto.subtle.verify({ name: 'Ed25519' }, verifier.key, blob.slice(4), encoder.encode(text));
    break;
  }
  if (!verified) {
    throw new Error('the checkpoint is not signed by the pinned log key');
  }
  const [origin, size, root] = text.split('\n');
  if (origin !== verifier.name) {
    throw new Error('the checkpoint is of another log: ' + origin);
  }
  return { origin, size: Number(size), root: fromBase64(root) };
}

/** The newest checkpoint, opened with the pinned key (throws when its signature does not verify). */
export async function latestCheckpoint(verifier, fetchText) {
  return openCheckpoint(await fetchText('/api/v1/log/checkpoint'), verifier);
}

/**
 * Checks one record against an opened checkpoint. `fetchJson` reads the ledger; answers {state, reason}.
 * A record the log does not hold yet, or one the checkpoint does not cover yet, is `pending`, not broken.
 */
export async function checkRecord(record, checkpoint, fetchJson) {
  const leaf = await leafHash(record);
  const stored = await fetchJson(`/api/v1/log/leaf?stream=${encodeURIComponent(record.stream)}&sequence=${record.sequence}`);
  if (!stored) {
    return { state: 'pending', reason: 'not in the log yet' };
  }
  if (toBase64(leaf) !== stored.leafHash) {
    return { state: 'broken', reason: 'the record shown does not hash to the leaf the log holds' };
  }
  if (checkpoint.size <= stored.index) {
    return { state: 'pending', reason: 'no signed checkpoint covers it yet' };
  }
  const inclusion = await fetchJson(`/api/v1/log/proof/inclusion?index=${stored.index}&size=${checkpoint.size}`);
  const root = await rootFromInclusionProof(stored.index, checkpoint.size, leaf, inclusion.proof.map(fromBase64));
  if (root === null || !equal(root, checkpoint.root)) {
    return { state: 'broken', reason: 'the inclusion proof does not lead to the signed root' };
  }
  return { state: 'verified', reason: `leaf ${stored.index} of the log of size ${checkpoint.size}, signed by ${checkpoint.origin}` };
}
