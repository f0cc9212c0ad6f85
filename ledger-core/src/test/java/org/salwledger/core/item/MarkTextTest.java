package org.salwledger.core.item;

import org.junit.jupiter.api.Test;
import org.salwledger.core.item.marking.MarkText;

import static org.assertj.core.api.Assertions.assertThat;

class MarkTextTest {

    @Test
    void normalizesCaseSpacesDashesDotsAndKeepsUnknowns() {
        assertThat(MarkText.normalize("fn-12?4 5.b/x")).isEqualTo("FN12?45BX");
        assertThat(MarkText.normalize("AB**12***")).isEqualTo("AB*12*");
        assertThat(MarkText.normalize("ＡＢ１２")).as("NFKC folds full-width forms").isEqualTo("AB12");
    }

    @Test
    void foldsLookAlikesIncludingCyrillicAndGreek() {
        assertThat(MarkText.fold("OISBZ")).isEqualTo("01582");
        assertThat(MarkText.fold(MarkText.normalize("АВ-123"))).as("Cyrillic А and В").isEqualTo("A8123");
        assertThat(MarkText.fold(MarkText.normalize("ΚΟ12"))).as("Greek Κ and Ο").isEqualTo("K012");
        assertThat(MarkText.fold("0158")).isEqualTo(MarkText.fold("OISB"));
    }

    @Test
    void turnsUnknownsIntoAnEscapedLikePattern() {
        assertThat(MarkText.likePattern("A?B*C")).isEqualTo("A_B%C");
        assertThat(MarkText.likePattern("A_B%")).isEqualTo("A\\_B\\%");
        assertThat(MarkText.unknowns("A?B*C?")).isEqualTo(3);
        assertThat(MarkText.knownPrefix("AB?C")).isEqualTo("AB");
        assertThat(MarkText.knownPrefix("*C")).isEmpty();
        assertThat(MarkText.hasUnknowns("ABC")).isFalse();
    }
}
