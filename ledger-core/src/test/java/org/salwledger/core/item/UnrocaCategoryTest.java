package org.salwledger.core.item;

import org.junit.jupiter.api.Test;
import org.salwledger.core.item.description.UnrocaCategory;
import org.salwledger.core.item.description.WeaponCategory;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class UnrocaCategoryTest {

    @Test
    void manpadsAreReportedUnderCategorySevenBAndEveryCategoryHasALine() {
        assertThat(UnrocaCategory.of(WeaponCategory.MANPADS).code()).isEqualTo("VII(b)");
        assertThat(UnrocaCategory.of(WeaponCategory.REVOLVER_OR_SELF_LOADING_PISTOL).code()).isEqualTo("SA.1");
        assertThat(UnrocaCategory.of(WeaponCategory.PORTABLE_ANTI_AIRCRAFT_GUN).label()).contains("others");
        assertThat(Arrays.stream(WeaponCategory.values()).map(UnrocaCategory::of).map(UnrocaCategory::code).distinct())
                .hasSize(WeaponCategory.values().length);
    }
}
