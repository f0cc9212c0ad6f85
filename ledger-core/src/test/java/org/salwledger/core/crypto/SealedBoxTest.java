package org.salwledger.core.crypto;

import org.junit.jupiter.api.Test;

import javax.crypto.AEADBadTagException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SealedBoxTest {
    private static final HexFormat HEX = HexFormat.of();

    /** McGrew and Viega, "The Galois/Counter Mode of Operation", test case 16 (AES-256, with AAD). */
    @Test
    void gcmSpecTestCase16() throws Exception {
        byte[] key = HEX.parseHex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308");
        byte[] nonce = HEX.parseHex("cafebabefacedbaddecaf888");
        byte[] plaintext = HEX.parseHex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809"
                + "532fcf0e2449a6b525b16aedf5aa0de657ba637b39");
        byte[] aad = HEX.parseHex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
        String ciphertext = "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5"
                + "f61e6393ba7a0abcc9f662";
        String tag = "76fc6ece0f4e1768cddf8853bb2d551b";
        SealedBox box = new SealedBox(key);
        byte[] sealed = box.seal(nonce, plaintext, aad);
        assertThat(HEX.formatHex(sealed)).isEqualTo("cafebabefacedbaddecaf888" + ciphertext + tag);
        assertThat(box.open(sealed, aad)).isEqualTo(plaintext);
    }

    @Test
    void aBoxOpensOnlyWithItsKeyAndItsAssociatedDataAndUnchanged() throws Exception {
        byte[] key = new byte[32];
        SealedBox box = new SealedBox(key);
        byte[] aad = "commitment-a".getBytes(StandardCharsets.UTF_8);
        byte[] sealed = box.seal("BE-WL-2026-000417".getBytes(StandardCharsets.UTF_8), aad);
        assertThat(new String(box.open(sealed, aad), StandardCharsets.UTF_8)).isEqualTo("BE-WL-2026-000417");
        assertThat(box.seal("x".getBytes(StandardCharsets.UTF_8), aad)).as("a fresh nonce each time")
                .isNotEqualTo(box.seal("x".getBytes(StandardCharsets.UTF_8), aad));
        assertThatThrownBy(() -> box.open(sealed, "commitment-b".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(AEADBadTagException.class);
        byte[] changed = sealed.clone();
        changed[14] ^= 1;
        assertThatThrownBy(() -> box.open(changed, aad)).isInstanceOf(AEADBadTagException.class);
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        assertThatThrownBy(() -> new SealedBox(otherKey).open(sealed, aad)).isInstanceOf(AEADBadTagException.class);
    }
}
