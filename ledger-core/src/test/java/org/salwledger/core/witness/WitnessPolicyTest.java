package org.salwledger.core.witness;

import org.junit.jupiter.api.Test;
import org.salwledger.core.crypto.SigningKey;
import org.salwledger.core.log.SignedNote;

import java.net.URI;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.salwledger.core.witness.CosignatureVectorsTest.CHECKPOINT;
import static org.salwledger.core.witness.CosignatureVectorsTest.LOG_LINE;

class WitnessPolicyTest {
    private static final SigningKey A = SigningKey.generate();
    private static final SigningKey B = SigningKey.generate();
    private static final SigningKey C = SigningKey.generate();

    private static String policy(int quorum) {
        return "# three witnesses, two must cosign\n"
                + "witness " + Cosignature.verifierKey("w.example/a", A).encode() + " http://127.0.0.1:9001\n"
                + "witness " + Cosignature.verifierKey("w.example/b", B).encode() + "\n"
                + "\n"
                + "witness " + Cosignature.verifierKey("w.example/c", C).encode() + "\n"
                + "quorum " + quorum + "\n";
    }

    private static String cosign(String name, SigningKey key) {
        return Cosignature.sign(CHECKPOINT, name, key, 1_800_000_000L);
    }

    @Test
    void parsesMembersUrlsAndQuorum() {
        WitnessPolicy policy = WitnessPolicy.parse(policy(2));
        assertThat(policy.quorum()).isEqualTo(2);
        assertThat(policy.witnesses()).extracting(WitnessPolicy.Member::name)
                .containsExactly("w.example/a", "w.example/b", "w.example/c");
        assertThat(policy.witnesses().get(0).url()).isEqualTo(Optional.of(URI.create("http://127.0.0.1:9001")));
        assertThat(WitnessPolicy.parse(policy(2).replace("quorum 2\n", "")).quorum()).isEqualTo(3);
    }

    @Test
    void aQuorumOfTrustedCosignaturesIsRequired() {
        WitnessPolicy policy = WitnessPolicy.parse(policy(2));
        String one = CHECKPOINT + "\n" + LOG_LINE + cosign("w.example/a", A);
        assertThatThrownBy(() -> policy.requireQuorum(one))
                .hasMessage("the checkpoint is cosigned by 1 of the 2 witnesses the policy requires (w.example/a)");
        String two = one + cosign("w.example/c", C);
        assertThat(policy.requireQuorum(two)).containsExactly("w.example/a", "w.example/c");
        // the same witness twice counts once
        assertThatThrownBy(() -> policy.requireQuorum(one + cosign("w.example/a", A))).hasMessageContaining("cosigned by 1 of");
    }

    @Test
    void unknownCosignersAreIgnoredAndABadTrustedOneRejectsTheNote() {
        WitnessPolicy policy = WitnessPolicy.parse(policy(1));
        SigningKey stranger = SigningKey.generate();
        String note = CHECKPOINT + "\n" + LOG_LINE + cosign("w.example/stranger", stranger);
        assertThatThrownBy(() -> policy.requireQuorum(note)).hasMessageContaining("cosigned by 0 of the 1");
        // b's name and key ID, but the signature of someone else's key
        SignedNote.Signature strangers = SignedNote.split(CHECKPOINT + "\n" + cosign("w.example/b", stranger))
                .signatures().get(0);
        String impostor = SignedNote.line("w.example/b", Cosignature.verifierKey("w.example/b", B).keyId(), strangers.bytes());
        assertThatThrownBy(() -> policy.requireQuorum(note + cosign("w.example/a", A) + impostor))
                .hasMessage("invalid cosignature by witness w.example/b");
    }

    @Test
    void malformedPoliciesAreRefusedWithTheLine() {
        assertThatThrownBy(() -> WitnessPolicy.parse("witness nonsense\n")).hasMessageStartingWith("witness policy line 1:");
        assertThatThrownBy(() -> WitnessPolicy.parse(policy(4))).hasMessageContaining("a quorum of 4 cannot be met by 3");
        assertThatThrownBy(() -> WitnessPolicy.parse("quorum 1\nquorum 1\n")).hasMessageContaining("line 2");
        assertThatThrownBy(() -> WitnessPolicy.parse("witnesses x\n")).hasMessageContaining("unknown statement 'witnesses'");
        String a = "witness " + Cosignature.verifierKey("w.example/a", A).encode() + "\n";
        assertThatThrownBy(() -> WitnessPolicy.parse(a + a)).hasMessageContaining("listed twice");
    }
}
