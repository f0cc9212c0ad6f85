// Run by ConsoleBrowserTest in the browser against the console's own modules: published vectors
// (RFC 8785, RFC 6962 via transparency-dev, RFC 8032) and the project's (ledger-format §2, TLOG-VECTORS
// §2.4), positive and negative. Calls back with {checks, failures}.
const done = arguments[arguments.length - 1];
(async () => {
  const { canonicalize } = await import('/console/jcs.js');
  const { rootFromInclusionProof, parseVerifierKey, openCheckpoint } = await import('/console/proof.js');
  const { keyFromSeedFile, signPayload } = await import('/console/dsse.js');
  const { fromBase64, toBase64, toHex, sha256, concat } = await import('/console/bytes.js');
  const hex = (h) => Uint8Array.from(h.match(/../g) || [], (b) => parseInt(b, 16));
  const failures = [];
  let checks = 0;
  const expect = (name, actual, expected) => {
    checks++;
    if (actual !== expected) {
      failures.push(`${name}: got ${actual}, expected ${expected}`);
    }
  };

  // RFC 8785 (cyberphone/json-canonicalization testdata)
  expect('jcs values', canonicalize(JSON.parse('{"numbers":[333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001], "string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals":[null, true, false]}')),
    '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}');
  expect('jcs structures', canonicalize(JSON.parse('{"1":{"f":{"f":"hi","F":5},"\\n":56.0},"10":{},"":"empty","a":{},"111":[{"e":"yes","E":"no"}],"A":{}}')),
    '{"":"empty","1":{"\\n":56,"f":{"F":5,"f":"hi"}},"10":{},"111":[{"E":"no","e":"yes"}],"A":{},"a":{}}');
  expect('jcs arrays', canonicalize(JSON.parse('[56,{"d":true,"10":null,"1":[]}]')), '[56,{"1":[],"10":null,"d":true}]');

  // RFC 6962 tree of transparency-dev/merkle: leaves d0..d7, roots, inclusion proofs
  const data = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'];
  const leaves = await Promise.all(data.map((d) => sha256(concat(new Uint8Array([0]), hex(d)))));
  expect('leaf 5', toHex(leaves[5]), '4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658');
  const root8 = '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328';
  const proofs = [
    [5, 8, ['bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b', 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7'], root8],
    [0, 8, ['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4'], root8],
    [2, 3, ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125'], 'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77'],
    [1, 5, ['6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', 'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b'], '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4'],
    [0, 1, [], '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d'],
  ];
  for (const [index, size, path, root] of proofs) {
    const computed = await rootFromInclusionProof(index, size, leaves[index], path.map(hex));
    expect(`inclusion ${index}/${size}`, computed && toHex(computed), root);
  }
  // negative probes: wrong index, wrong size, a flipped bit, a removed and an inserted component
  const [, , path5] = proofs[0];
  const wrong = async (name, index, size, leaf, path) => {
    const computed = await rootFromInclusionProof(index, size, leaf, path.map(hex));
    checks++;
    if (computed && toHex(computed) === root8) {
      failures.push(`${name}: a bad proof led to the root`);
    }
  };
  await wrong('index + 1', 6, 8, leaves[5], path5);
  await wrong('index - 1', 4, 8, leaves[5], path5);
  await wrong('size x 2', 5, 16, leaves[5], path5);
  await wrong('wrong leaf', 5, 8, leaves[4], path5);
  await wrong('flipped bit', 5, 8, leaves[5], ['bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6a', ...path5.slice(1)]);
  await wrong('removed component', 5, 8, leaves[5], path5.slice(0, 2));
  await wrong('inserted component', 5, 8, leaves[5], [...path5, path5[0]]);

  // TLOG-VECTORS §2.4: the checkpoint of the same tree signed with the RFC 8032 TEST 1 key
  const verifier = await parseVerifierKey('example.org/salw-custody-ledger/test+dd9e866c+AddamAGCsQq31Uv+08lkBzoO4XLz2qYjJa8CGmj3B1Ea');
  const note = 'example.org/salw-custody-ledger/test\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n\n'
    + '\u2014 example.org/salw-custody-ledger/test 3Z6GbMt1J/5qg4ouVUlYN+WsPXMP3RzuuEej7xGcQfBSZ3iLFUG0R71N/QkFkcACd41Uv5Sx55K7zhfwhbTo6ZkKcgo=\n';
  const checkpoint = await openCheckpoint(note, verifier);
  expect('checkpoint size', checkpoint.size, 8);
  expect('checkpoint root', toHex(checkpoint.root), root8);
  for (const [name, forged] of [['size changed', note.replace('\n8\n', '\n9\n')],
    ['signature byte changed', note.replace('3Z6GbMt1', '3Z6GbMt2')]]) {
    checks++;
    try {
      await openCheckpoint(forged, verifier);
      failures.push(`${name}: a forged checkpoint opened`);
    } catch (refused) {
      // expected
    }
  }
  for (const [name, vkey] of [['key ID not of the key', 'example.org/salw-custody-ledger/test+dd9e866d+AddamAGCsQq31Uv+08lkBzoO4XLz2qYjJa8CGmj3B1Ea'],
    ['no key ID', 'example.org/salw-custody-ledger/test+AddamAGCsQq31Uv+08lkBzoO4XLz2qYjJa8CGmj3B1Ea']]) {
    checks++;
    try {
      await parseVerifierKey(vkey);
      failures.push(`${name}: accepted`);
    } catch (refused) {
      // expected
    }
  }

  // ledger-format §2 worked envelope: RFC 8032 TEST 1 key, Ed25519 is deterministic
  const key = await keyFromSeedFile(toBase64(hex('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60')) + '\n');
  expect('keyid', key.keyId, '21fe31dfa154a261626bf854046fd2271b7bed4b6abe45aa58877ef47f9721b9');
  const payload = '{"actor":"BE-FNH","calibre":"5.56x45mm","category":"ASSAULT_RIFLE","issuedAt":"2026-11-24T10:00:00Z","kind":"WEAPON","make":"FN Herstal","material":"POLYMER","model":"SCAR-L","nonce":"6f1c2a9e4b7d3c5a8f0e1d2c3b4a5968","production":"INDUSTRIAL","type":"ManufactureItem"}';
  const envelope = await signPayload(new TextEncoder().encode(payload), key);
  expect('envelope sig', envelope.signatures[0].sig, 'GLPkVv6H9ajrFyUdW4zQpfcExc2XOOOclgvgcNzkTRe2xEDVKjBeS1fZ4FIgRaW6l1Ju31uo7yHDSvm2+upaCw==');
  expect('envelope hash', toHex(await sha256(new TextEncoder().encode(canonicalize(envelope)))),
    '3ab11fbdb378c266d9d1a662b15b799bcb527a8200b3f57b8fd8c1c56980da65');
  expect('base64 round trip', toBase64(fromBase64('AQID')), 'AQID');
  return { checks, failures };
})().then(done, (error) => done({ checks: 0, failures: [String(error && error.stack || error)] }));
