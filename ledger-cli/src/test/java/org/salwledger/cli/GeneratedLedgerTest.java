package org.salwledger.cli;

import org.junit.jupiter.api.Test;
import org.salwledger.core.item.MarkText;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class GeneratedLedgerTest {

    @Test
    void serialsAreUniqueAcrossAMillionItemsAndLookLikeTheirMakers() {
        Set<String> normalized = new HashSet<>();
        LongStream.range(0, 1_000_000).forEach(i -> normalized.add(MarkText.normalize(GeneratedLedger.serialOf(i))));
        assertThat(normalized).hasSize(1_000_000);
        assertThat(GeneratedLedger.serialOf(1234)).startsWith("GLK").endsWith("0001234").hasSize(12);
        assertThat(GeneratedLedger.makerOf(1234).country()).isEqualTo("AT");
    }

    @Test
    void keysDeriveFromTheSeedSoARunCanBeResumedAndQueried() {
        assertThat(GeneratedLedger.keyOf("s", "GEN-BE-FNH")).isEqualTo(GeneratedLedger.keyOf("s", "GEN-BE-FNH"));
        assertThat(GeneratedLedger.keyOf("s", "GEN-BE-FNH")).isNotEqualTo(GeneratedLedger.keyOf("t", "GEN-BE-FNH"));
    }
}
