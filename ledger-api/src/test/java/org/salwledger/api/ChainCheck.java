package org.salwledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.salwledger.core.chain.LedgerRecords;
import org.salwledger.core.crypto.CanonicalJson;
import org.salwledger.core.crypto.Dsse;
import org.salwledger.core.crypto.Ed25519;
import org.salwledger.core.crypto.Sha256;

import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Rechecks a GET /items/{id}/chain answer as an outside verifier would: hashes, links, signatures. */
final class ChainCheck {
    private ChainCheck() {}

    /** @param publicKeys keyid → raw public key of every signer expected in the chain */
    static void verify(JsonNode chain, Map<String, byte[]> publicKeys) {
        String prev = LedgerRecords.GENESIS;
        long sequence = 0;
        for (JsonNode entry : chain.get("records")) {
            JsonNode record = entry.get("record");
            String hash = Sha256.hex(CanonicalJson.canonicalize(record));
            assertThat(hash).as("record %d hash", sequence).isEqualTo(entry.get("hash").asText());
            assertThat(record.get("sequence").asLong()).isEqualTo(sequence);
            assertThat(record.get("prevHash").asText()).as("record %d prevHash", sequence).isEqualTo(prev);
            JsonNode envelope = entry.get("envelope");
            assertThat(Sha256.hex(CanonicalJson.canonicalize(envelope))).isEqualTo(record.get("envelopeHash").asText());
            byte[] payload = Base64.getDecoder().decode(envelope.get("payload").asText());
            JsonNode signature = envelope.get("signatures").get(0);
            byte[] key = publicKeys.get(signature.get("keyid").asText());
            assertThat(key).as("signer key of record %d", sequence).isNotNull();
            assertThat(Ed25519.verify(key, Dsse.pae(envelope.get("payloadType").asText(), payload),
                    Base64.getDecoder().decode(signature.get("sig").asText()))).as("signature of record %d", sequence).isTrue();
            prev = hash;
            sequence++;
        }
        assertThat(sequence).isPositive();
    }
}
