package org.salwledger.core.witness;

import org.junit.jupiter.api.Test;
import org.salwledger.core.crypto.SigningKey;
import org.salwledger.core.log.NoteVerifierKey;
import org.salwledger.core.log.SignedNote;

import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** C2SP tlog-cosignature/v1 against the project vector (TLOG-VECTORS.md §2.4: RFC 8032 TEST 2 key, time 1700000000). */
class CosignatureVectorsTest {
    static final SigningKey LOG_KEY = SigningKey.fromSeed(
            HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
    static final SigningKey WITNESS_KEY = SigningKey.fromSeed(
            HexFormat.of().parseHex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb"));
    static final String ORIGIN = "example.org/salw-custody-ledger/test";
    static final String CHECKPOINT = ORIGIN + "\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n";
    static final String LOG_LINE = "\u2014 example.org/salw-custody-ledger/test "
            + "3Z6GbMt1J/5qg4ouVUlYN+WsPXMP3RzuuEej7xGcQfBSZ3iLFUG0R71N/QkFkcACd41Uv5Sx55K7zhfwhbTo6ZkKcgo=\n";
    static final String WITNESS_VKEY = "example.org/witness-test+8f18e3dc+BD1AF8PoQ4lakrcKp00bfrycmCzPLsSWjMDNVfEq9GYM";
    static final String WITNESS_LINE = "\u2014 example.org/witness-test jxjj3AAAAABlU/EApYkq7MZQlkKGO2FBSectddc6Lwy1X+"
            + "lcy8ohSxTWyFpc76g2ycr+e8XtbhFxmR+Bg1O8ittiDmX38cUN03PyBw==\n";

    @Test
    void theProjectCosignatureVectorIsReproducedByteForByte() {
        assertThat(Cosignature.verifierKey("example.org/witness-test", WITNESS_KEY).encode()).isEqualTo(WITNESS_VKEY);
        assertThat(Cosignature.sign(CHECKPOINT, "example.org/witness-test", WITNESS_KEY, 1_700_000_000L))
                .isEqualTo(WITNESS_LINE);
    }

    @Test
    void theSpecCarriesTheVector() throws java.io.IOException {
        String spec = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "ledger-format.md"));
        assertThat(spec).contains(WITNESS_VKEY).contains(WITNESS_LINE);
    }

    @Test
    void aCosignedCheckpointVerifiesUnderTheLogKeyAndThePolicy() {
        String note = CHECKPOINT + "\n" + LOG_LINE + WITNESS_LINE;
        NoteVerifierKey logKey = NoteVerifierKey.of(ORIGIN, LOG_KEY.publicKey());
        assertThat(SignedNote.open(note, List.of(logKey))).isEqualTo(CHECKPOINT);
        WitnessPolicy policy = WitnessPolicy.parse("witness " + WITNESS_VKEY + "\nquorum 1\n");
        assertThat(policy.requireQuorum(note)).containsExactly("example.org/witness-test");
        SignedNote.Signature line = SignedNote.split(note).signatures().get(1);
        assertThat(Cosignature.verify(policy.witnesses().get(0).key(), CHECKPOINT, line)).isEqualTo(OptionalLong.of(1_700_000_000L));
    }

    @Test
    void theTimeIsSignedToo() {
        // the same signature claimed at another time: the message differs, so it fails
        String other = Cosignature.sign(CHECKPOINT, "example.org/witness-test", WITNESS_KEY, 1_700_000_001L);
        SignedNote.Signature genuine = SignedNote.split(CHECKPOINT + "\n" + WITNESS_LINE).signatures().get(0);
        SignedNote.Signature moved = SignedNote.split(CHECKPOINT + "\n" + other).signatures().get(0);
        byte[] forged = genuine.bytes().clone();
        System.arraycopy(moved.bytes(), 0, forged, 0, 8);
        NoteVerifierKey key = NoteVerifierKey.parse(WITNESS_VKEY, NoteVerifierKey.COSIGNATURE_V1);
        assertThat(Cosignature.verify(key, CHECKPOINT, new SignedNote.Signature(genuine.name(), genuine.keyId(), forged)))
                .isEmpty();
        assertThat(Cosignature.verify(key, CHECKPOINT.replace("\n8\n", "\n9\n"), genuine)).isEmpty();
    }

    @Test
    void aCosignerKeyIsNotALogKey() {
        assertThatThrownBy(() -> NoteVerifierKey.parse(WITNESS_VKEY)).hasMessageContaining("not an Ed25519 verifier key");
        assertThatThrownBy(() -> NoteVerifierKey.parse("example.org/salw-custody-ledger/test+dd9e866c+"
                + "AddamAGCsQq31Uv+08lkBzoO4XLz2qYjJa8CGmj3B1Ea", NoteVerifierKey.COSIGNATURE_V1))
                .hasMessageContaining("signature type 0x04");
        // a log signature made with the witness's key and name does not count as a cosignature, nor the reverse
        String logSigned = SignedNote.sign(CHECKPOINT, "example.org/witness-test", WITNESS_KEY);
        assertThat(WitnessPolicy.parse("witness " + WITNESS_VKEY).cosigners(logSigned)).isEmpty();
        NoteVerifierKey asLogKey = NoteVerifierKey.of("example.org/witness-test", WITNESS_KEY.publicKey());
        assertThatThrownBy(() -> SignedNote.open(CHECKPOINT + "\n" + WITNESS_LINE, List.of(asLogKey)))
                .hasMessageContaining("no signature by a known key");
    }
}
