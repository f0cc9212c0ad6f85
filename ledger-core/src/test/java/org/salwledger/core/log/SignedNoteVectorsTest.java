package org.salwledger.core.log;

import org.junit.jupiter.api.Test;
import org.salwledger.core.crypto.SigningKey;

import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** C2SP signed-note and tlog-checkpoint vectors (TLOG-VECTORS.md §2.4, §3.2). */
class SignedNoteVectorsTest {
    private static final SigningKey TEST1 = SigningKey.fromSeed(
            HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
    private static final String ORIGIN = "example.org/salw-custody-ledger/test";

    @Test
    void goSumdbNoteVerifies() {
        NoteVerifierKey key = NoteVerifierKey.parse("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
        String note = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n\n"
                + "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
        assertThat(SignedNote.open(note, List.of(key))).startsWith("If you think");
        assertThat(key.encode()).isEqualTo("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
        NoteVerifierKey other = NoteVerifierKey.parse("EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop");
        assertThatThrownBy(() -> SignedNote.open(note, List.of(other))).hasMessageContaining("no signature by a known key");
        assertThatThrownBy(() -> SignedNote.open(note.replace("cryptography", "Cryptography"), List.of(key)))
                .hasMessageContaining("invalid signature");
    }

    @Test
    void c2spExampleVerifies() {
        NoteVerifierKey key = NoteVerifierKey.parse("example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k");
        String note = "This is an example message.\n\n"
                + "\u2014 example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n";
        assertThat(SignedNote.open(note, List.of(key))).isEqualTo("This is an example message.\n");
    }

    @Test
    void theProjectCheckpointVectorIsReproducedByteForByte() {
        NoteVerifierKey vkey = NoteVerifierKey.of(ORIGIN, TEST1.publicKey());
        assertThat(vkey.encode()).isEqualTo("example.org/salw-custody-ledger/test+dd9e866c+AddamAGCsQq31Uv+08lkBzoO4XLz2qYjJa8CGmj3B1Ea");
        Checkpoint checkpoint = new Checkpoint(ORIGIN, 8, MerkleVectorsTest.TREE.root(8));
        String note = SignedNote.sign(checkpoint.text(), ORIGIN, TEST1);
        assertThat(note).isEqualTo("example.org/salw-custody-ledger/test\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n\n"
                + "\u2014 example.org/salw-custody-ledger/test 3Z6GbMt1J/5qg4ouVUlYN+WsPXMP3RzuuEej7xGcQfBSZ3iLFUG0R71N/QkFkcACd41Uv5Sx55K7zhfwhbTo6ZkKcgo=\n");
        Checkpoint parsed = Checkpoint.parse(SignedNote.open(note, List.of(NoteVerifierKey.parse(vkey.encode()))));
        assertThat(parsed.size()).isEqualTo(8);
        assertThat(parsed.rootHash()).isEqualTo(MerkleVectorsTest.TREE.root(8));
    }

    @Test
    void malformedKeysAndNotesAreRefused() {
        String good = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
        for (int i = 1; i < good.length(); i++) {
            String prefix = good.substring(0, i);
            assertThatThrownBy(() -> NoteVerifierKey.parse(prefix)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> NoteVerifierKey.parse("Peter+Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NoteVerifierKey.parse("PeterNeumann+c74f20a3+AhpUC2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignedNote.sign("abc", "k", TEST1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Checkpoint.parse("origin\n08\nAAAA\n")).isInstanceOf(IllegalArgumentException.class);
    }
}
