package org.salwledger.core.transfer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LicenceCommitmentTest {

    /** Computed independently: SHA-256 of "salw-ledger:licence:v1\n" + salt + "\n" + reference (Python hashlib). */
    @Test
    void theSpecVector() {
        LicenceCommitment.Opening opening = new LicenceCommitment.Opening("000102030405060708090a0b0c0d0e0f",
                "BE-WL-2026-000417");
        assertThat(opening.commitment()).isEqualTo("b4bc9c4cb95d54252795693cd6b2798713510df062eb9ab189223d5e1e4833f0");
        assertThat(opening.encode()).isEqualTo("v1.000102030405060708090a0b0c0d0e0f.QkUtV0wtMjAyNi0wMDA0MTc");
        assertThat(LicenceCommitment.Opening.decode(opening.encode())).isEqualTo(opening);
    }

    @Test
    void freshOpeningsOfOneReferenceCommitDifferently() {
        LicenceCommitment.Opening a = LicenceCommitment.Opening.of("BE-WL-2026-000417");
        LicenceCommitment.Opening b = LicenceCommitment.Opening.of("BE-WL-2026-000417");
        assertThat(a.commitment()).isNotEqualTo(b.commitment());
        assertThat(LicenceCommitment.isCommitment(a.commitment())).isTrue();
        assertThat(LicenceCommitment.isCommitment(a.commitment().toUpperCase())).isFalse();
    }

    @Test
    void malformedOpeningsAreRefused() {
        for (String bad : new String[] {null, "", "v2.000102030405060708090a0b0c0d0e0f.QQ", "v1.xyz.QQ",
                "v1.000102030405060708090a0b0c0d0e0f.", "v1.000102030405060708090a0b0c0d0e0f.QQ.QQ"}) {
            assertThatThrownBy(() -> LicenceCommitment.Opening.decode(bad)).as(String.valueOf(bad))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
