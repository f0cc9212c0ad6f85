// Signs a command in the browser as the CLI does (ledger-format §1, §2): the payload's RFC 8785
// bytes in a DSSE envelope, Ed25519 over PAE. The private key is imported non-extractable from the
// key file's seed and never leaves this page.
import { canonicalBytes } from './jcs.js';
import { concat, fromBase64, sha256, toBase64, toHex } from './bytes.js';

export const COMMAND_PAYLOAD_TYPE = 'application/vnd.salw-ledger.command+json';
// PKCS #8 wrapping of a raw Ed25519 seed (RFC 8410 §7): the only private form WebCrypto imports besides JWK.
const PKCS8_PREFIX = Uint8Array.from([0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70,
  0x04, 0x22, 0x04, 0x20]);
const encoder = new TextEncoder();

/** An actor's key from the text of a key file written by `ledger keygen` (base64 of the 32-byte seed). */
export async function keyFromSeedFile(text) {
  let seed;
  try {
    seed = fromBase64(text);
  } catch (e) {
    throw new Error('the key file is not base64');
  }
  if (seed.length !== 32) {
    throw new Error('a key file holds the 32-byte Ed25519 seed in base64 (ledger keygen)');
  }
  // Imported once extractable only to read its public half; the signing key kept is not extractable.
  const jwk = await crypto.subtle.exportKey('jwk',
    await crypto.subtle.importKey('pkcs8', concat(PKCS8_PREFIX, seed), { name: 'Ed25519' }, true, ['sign']));
  const publicKey = fromBase64(jwk.x.replace(/-/g, '+').replace(/_/g, '/') + '=');
  const privateKey = await crypto.subtle.importKey('pkcs8', concat(PKCS8_PREFIX, seed), { name: 'Ed25519' }, false,
    ['sign']);
  seed.fill(0);
  return { privateKey, keyId: toHex(await sha256(publicKey)) };
}

function pae(type, body) {
  const typeBytes = encoder.encode(type);
  return concat(encoder.encode(`DSSEv1 ${typeBytes.length} `), typeBytes, encoder.encode(` ${body.length} `), body);
}

export function newNonce() {
  return toHex(crypto.getRandomValues(new Uint8Array(16)));
}

/** The DSSE envelope of a command payload (its bytes) signed with `key`. */
export async function signPayload(payload, key) {
  const sig = new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, key.privateKey,
    pae(COMMAND_PAYLOAD_TYPE, payload)));
  return { payload: toBase64(payload), payloadType: COMMAND_PAYLOAD_TYPE,
    signatures: [{ keyid: key.keyId, sig: toBase64(sig) }] };
}

/** The signed envelope of `command`, with actor, nonce and issuedAt added as the CLI adds them. */
export async function signCommand(command, actor, key) {
  return signPayload(canonicalBytes({ ...command, actor, nonce: newNonce(), issuedAt: new Date().toISOString() }), key);
}
