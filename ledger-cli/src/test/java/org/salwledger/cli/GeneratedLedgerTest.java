package org.salwledger.cli;

import org.junit.jupiter.api.Test;
import org.salwledger.core.item.marking.MarkText;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class GeneratedLedgerTest {

    @Test
    void serialsAreUniqueAcrossAMillionItemsAndCarryTheirMakersCode() {
        Set<String> serials = new HashSet<>();
        LongStream.range(0, 1_000_000).forEach(i -> serials.add(GeneratedLedger.serialOf(i)));
        assertThat(serials).hasSize(1_000_000);
        assertThat(MarkText.normalize(GeneratedLedger.serialOf(999_999))).as("already normal")
                .isEqualTo(GeneratedLedger.serialOf(999_999));
        assertThat(GeneratedLedger.serialOf(1)).isEqualTo("GLKAA0000001");
        assertThat(GeneratedLedger.makerOf(1).country()).isEqualTo("AT");
    }

    @Test
    void keysDeriveFromTheSeedSoARunCanBeResumedAndQueried() {
        assertThat(GeneratedLedger.keyOf("s", "GEN-BE-FNH")).isEqualTo(GeneratedLedger.keyOf("s", "GEN-BE-FNH"));
        assertThat(GeneratedLedger.keyOf("s", "GEN-BE-FNH")).isNotEqualTo(GeneratedLedger.keyOf("t", "GEN-BE-FNH"));
    }
}
