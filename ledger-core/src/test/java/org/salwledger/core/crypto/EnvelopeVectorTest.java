package org.salwledger.core.crypto;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** The worked envelope vector of docs/ledger-format.md §2, signed with the RFC 8032 TEST 1 key. */
class EnvelopeVectorTest {
    static final String PAYLOAD = "{\"actor\":\"BE-FNH\",\"calibre\":\"5.56x45mm\",\"category\":\"ASSAULT_RIFLE\","
            + "\"issuedAt\":\"2026-11-24T10:00:00Z\",\"kind\":\"WEAPON\",\"make\":\"FN Herstal\",\"material\":\"POLYMER\","
            + "\"model\":\"SCAR-L\",\"nonce\":\"6f1c2a9e4b7d3c5a8f0e1d2c3b4a5968\",\"production\":\"INDUSTRIAL\","
            + "\"type\":\"ManufactureItem\"}";
    static final String ENVELOPE_HASH = "3ab11fbdb378c266d9d1a662b15b799bcb527a8200b3f57b8fd8c1c56980da65";

    @Test
    void envelopeOfTheSpecIsReproducedByteForByte() {
        SigningKey key = SigningKey.fromSeed(HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        byte[] payload = PAYLOAD.getBytes(StandardCharsets.UTF_8);

        assertThat(key.keyId()).isEqualTo("21fe31dfa154a261626bf854046fd2271b7bed4b6abe45aa58877ef47f9721b9");
        assertThat(new String(Dsse.pae(Dsse.COMMAND_PAYLOAD_TYPE, payload), StandardCharsets.UTF_8))
                .startsWith("DSSEv1 40 application/vnd.salw-ledger.command+json 269 {\"actor\":\"BE-FNH\"");
        DsseEnvelope envelope = DsseEnvelope.sign(Dsse.COMMAND_PAYLOAD_TYPE, payload, key);
        assertThat(envelope.signatures().get(0).sig()).isEqualTo(
                "GLPkVv6H9ajrFyUdW4zQpfcExc2XOOOclgvgcNzkTRe2xEDVKjBeS1fZ4FIgRaW6l1Ju31uo7yHDSvm2+upaCw==");
        assertThat(envelope.hash()).isEqualTo(ENVELOPE_HASH);
        assertThat(CanonicalJson.canonicalize(PAYLOAD.getBytes(StandardCharsets.UTF_8))).isEqualTo(payload);
    }
}
