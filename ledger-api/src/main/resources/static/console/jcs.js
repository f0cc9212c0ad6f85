// RFC 8785 (JSON Canonicalization Scheme): members sorted by UTF-16 code units, ECMAScript number
// and string serialization, no whitespace. The ledger hashes records in this form (ledger-format §3).
export function canonicalize(value) {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new Error('RFC 8785 has no form for ' + value);
    }
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return '[' + value.map(canonicalize).join(',') + ']';
  }
  // Array.prototype.sort compares UTF-16 code units, which is the order RFC 8785 asks for.
  return '{' + Object.keys(value).sort()
    .filter((key) => value[key] !== undefined)
    .map((key) => JSON.stringify(key) + ':' + canonicalize(value[key]))
    .join(',') + '}';
}

export function canonicalBytes(value) {
  return new TextEncoder().encode(canonicalize(value));
}
