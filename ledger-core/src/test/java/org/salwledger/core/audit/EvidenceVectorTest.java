package org.salwledger.core.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.salwledger.core.crypto.CanonicalJson;
import org.salwledger.core.crypto.Sha256;
import org.salwledger.core.crypto.SigningKey;
import org.salwledger.core.log.SignedNote;
import org.salwledger.core.witness.Cosignature;
import org.salwledger.core.witness.WitnessPolicy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The spec's worked evidence bundle (docs/ledger-format.md §5.5): the rifle of §5.3, cosigned by the TEST 2 witness. */
class EvidenceVectorTest {
    private static final SigningKey WITNESS = SigningKey.fromSeed(
            HexFormat.of().parseHex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb"));
    private static final String WITNESS_NAME = "example.org/witness-test";

    static byte[] vector() {
        SmallExport export = new SmallExport();
        String text = SignedNote.split(export.checkpoint).text();
        String cosigned = export.checkpoint + Cosignature.sign(text, WITNESS_NAME, WITNESS, 1_700_000_000L);
        List<EvidenceBundle.Entry> entries = new ArrayList<>();
        Map<String, JsonNode> envelopes = new LinkedHashMap<>();
        for (int i = 0; i < export.records.size(); i++) {
            entries.add(new EvidenceBundle.Entry(i, export.records.get(i), export.tree.inclusionProof(i, export.records.size())));
            if (export.envelopes.get(i) != null) {
                envelopes.put(export.envelopes.get(i).hash(), CanonicalJson.mapper().valueToTree(export.envelopes.get(i)));
            }
        }
        return EvidenceBundle.write(SmallExport.ITEM, SmallExport.ORIGIN, SmallExport.logKey().encode(), cosigned, entries,
                envelopes);
    }

    @Test
    void theSpecsBundleVerifiesAndIsPrintedInTheSpecWithItsHash() throws IOException {
        byte[] bundle = vector();
        WitnessPolicy policy = WitnessPolicy.parse("witness " + Cosignature.verifierKey(WITNESS_NAME, WITNESS).encode() + "\n");
        EvidenceVerifier.Summary summary = EvidenceVerifier.verify(bundle, SmallExport.logKey(), policy);
        assertThat(summary.records()).hasSize(3);
        assertThat(summary.envelopes()).isEqualTo(2);
        assertThat(summary.witnesses()).containsExactly(WITNESS_NAME);
        // kept beside the build's output, for whoever updates the spec
        Files.write(Path.of("target", "evidence-vector.json"), bundle);
        String spec = Files.readString(Path.of("..", "docs", "ledger-format.md"), StandardCharsets.UTF_8);
        assertThat(spec).contains(new String(bundle, StandardCharsets.UTF_8)).contains("SHA-256 " + Sha256.hex(bundle));
    }

    /**
     * Every single-bit change of every byte is refused, not only a random sample: base64 with other padding
     * bits decodes to the same bytes, so a lenient decoder anywhere in the bundle lets such a change through.
     */
    @Test
    void everyBitOfTheSpecsBundleCounts() {
        byte[] bundle = vector();
        WitnessPolicy policy = WitnessPolicy.parse("witness " + Cosignature.verifierKey(WITNESS_NAME, WITNESS).encode() + "\n");
        List<String> accepted = IntStream.range(0, bundle.length * 8).parallel().mapToObj(flip -> {
            byte[] changed = bundle.clone();
            changed[flip / 8] = (byte) (changed[flip / 8] ^ (1 << flip % 8));
            try {
                EvidenceVerifier.verify(changed, SmallExport.logKey(), policy);
                return "byte " + flip / 8 + " bit " + flip % 8 + " (" + (char) bundle[flip / 8] + " -> "
                        + (char) changed[flip / 8] + ")";
            } catch (VerificationFailure refused) {
                return null;
            }
        }).filter(Objects::nonNull).toList();
        assertThat(accepted).isEmpty();
    }
}
