package org.salwledger.core.crypto;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 8032 §7.1 TEST 1-3, copied from the RFC (TLOG-VECTORS.md §3.3). */
class Ed25519VectorsTest {
    private static final HexFormat HEX = HexFormat.of();

    @ParameterizedTest(name = "RFC 8032 TEST {0}")
    @CsvSource({
            "1, 9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60, d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a, '', e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
            "2, 4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb, 3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c, 72, 92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
            "3, c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7, fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025, af82, 6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"
    })
    void signsAndVerifiesThePublishedVector(int test, String sk, String pk, String msg, String sig) {
        byte[] seed = HEX.parseHex(sk);
        byte[] message = HEX.parseHex(msg == null ? "" : msg);

        assertThat(HEX.formatHex(Ed25519.publicKeyFromSeed(seed))).isEqualTo(pk);
        assertThat(HEX.formatHex(Ed25519.sign(seed, message))).isEqualTo(sig);
        assertThat(Ed25519.verify(HEX.parseHex(pk), message, HEX.parseHex(sig))).isTrue();

        assertThat(Ed25519.verify(HEX.parseHex(pk), message, flip(HEX.parseHex(sig), 5))).isFalse();
        assertThat(Ed25519.verify(flip(HEX.parseHex(pk), 0), message, HEX.parseHex(sig))).isFalse();
        assertThat(Ed25519.verify(HEX.parseHex(pk), append(message), HEX.parseHex(sig))).isFalse();
    }

    @ParameterizedTest(name = "S >= L is refused (RFC 8032 §5.1.7), TEST {0}")
    @CsvSource({
            "1, d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a, '', e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
    })
    void refusesANonCanonicalS(int test, String pk, String msg, String sig) {
        byte[] signature = HEX.parseHex(sig);
        // S + L is the same point arithmetic but a malleable encoding; RFC 8032 requires rejecting it.
        java.math.BigInteger l = java.math.BigInteger.TWO.pow(252).add(new java.math.BigInteger("27742317777372353535851937790883648493"));
        byte[] sLe = java.util.Arrays.copyOfRange(signature, 32, 64);
        java.math.BigInteger s = new java.math.BigInteger(1, reverse(sLe)).add(l);
        byte[] sPlusL = reverse(leftPad(s.toByteArray(), 32));
        System.arraycopy(sPlusL, 0, signature, 32, 32);
        assertThat(Ed25519.verify(HEX.parseHex(pk), HEX.parseHex(msg == null ? "" : msg), signature)).isFalse();
    }

    @ParameterizedTest(name = "malformed input {0} is refused, not thrown")
    @CsvSource({"31", "33", "0"})
    void refusesMalformedKeysQuietly(int keyLength) {
        assertThat(Ed25519.verify(new byte[keyLength], new byte[0], new byte[64])).isFalse();
    }

    private static byte[] flip(byte[] bytes, int index) {
        bytes[index] ^= 0x01;
        return bytes;
    }

    private static byte[] append(byte[] message) {
        byte[] longer = java.util.Arrays.copyOf(message, message.length + 1);
        longer[message.length] = 0x2a;
        return longer;
    }

    private static byte[] reverse(byte[] in) {
        byte[] out = new byte[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = in[in.length - 1 - i];
        }
        return out;
    }

    private static byte[] leftPad(byte[] bigEndian, int length) {
        byte[] out = new byte[length];
        int copy = Math.min(bigEndian.length, length);
        System.arraycopy(bigEndian, bigEndian.length - copy, out, length - copy, copy);
        return out;
    }
}
