package org.salwledger.core.crypto;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class DsseTest {

    @Test
    void preAuthenticationEncodingFollowsTheSpec() {
        // DSSE protocol.md example: PAE("http://example.com/HelloWorld", "hello world")
        byte[] pae = Dsse.pae("http://example.com/HelloWorld", "hello world".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(pae, StandardCharsets.UTF_8))
                .isEqualTo("DSSEv1 29 http://example.com/HelloWorld 11 hello world");
    }

    @Test
    void lengthsCountBytesNotCharacters() {
        byte[] payload = "Straße".getBytes(StandardCharsets.UTF_8);
        assertThat(new String(Dsse.pae("t", payload), StandardCharsets.UTF_8)).isEqualTo("DSSEv1 1 t 7 Straße");
    }

    @Test
    void signedEnvelopeVerifiesOverPaeAndNotOverThePayloadAlone() {
        SigningKey key = SigningKey.generate();
        byte[] payload = "{\"type\":\"OpenSession\"}".getBytes(StandardCharsets.UTF_8);
        DsseEnvelope envelope = DsseEnvelope.sign(Dsse.COMMAND_PAYLOAD_TYPE, payload, key);
        byte[] sig = Base64.getDecoder().decode(envelope.signatures().get(0).sig());

        assertThat(envelope.signatures().get(0).keyid()).isEqualTo(key.keyId());
        assertThat(Ed25519.verify(key.publicKey(), Dsse.pae(Dsse.COMMAND_PAYLOAD_TYPE, payload), sig)).isTrue();
        assertThat(Ed25519.verify(key.publicKey(), payload, sig)).isFalse();
        assertThat(Ed25519.verify(key.publicKey(), Dsse.pae("application/json", payload), sig)).isFalse();
    }

    @Test
    void envelopeHashIsStableOverCanonicalForm() {
        DsseEnvelope envelope = new DsseEnvelope("t", "cGF5bG9hZA==", java.util.List.of(new DsseEnvelope.DsseSignature("k", "s")));
        assertThat(new String(envelope.canonicalBytes(), StandardCharsets.UTF_8))
                .isEqualTo("{\"payload\":\"cGF5bG9hZA==\",\"payloadType\":\"t\",\"signatures\":[{\"keyid\":\"k\",\"sig\":\"s\"}]}");
        assertThat(envelope.hash()).isEqualTo(Sha256.hex(envelope.canonicalBytes()));
    }

    @Test
    void keyIdIsTheHexSha256OfTheRawPublicKey() {
        byte[] pk = java.util.HexFormat.of().parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        assertThat(KeyIds.of(pk)).isEqualTo(Sha256.hex(pk)).hasSize(64).isLowerCase();
    }
}
