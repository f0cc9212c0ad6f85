package org.salwledger.core.item;

import org.junit.jupiter.api.Test;
import org.salwledger.core.command.CommandOrigin;
import org.salwledger.core.command.Refusal;
import org.salwledger.core.command.Role;
import org.salwledger.core.item.description.ItemStatus;
import org.salwledger.core.item.marking.MarkType;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.salwledger.core.Fixtures.origin;

/** Who may put which mark on an item held by BE-ARMY in Belgium, exported once to the Netherlands. */
class LifecycleMarkRightsTest {
    private static final Custody HELD_BY_ARMY = new Custody("BE-ARMY", "BE");
    private static final CommandOrigin ARMY = origin("BE-ARMY", Role.HOLDER, "BE");
    private static final CommandOrigin BE_AUTHORITY = origin("BE-GOV", Role.AUTHORITY, "BE");
    private static final CommandOrigin NL_AUTHORITY = origin("NL-GOV", Role.AUTHORITY, "NL");
    private static final CommandOrigin FR_AUTHORITY = origin("FR-GOV", Role.AUTHORITY, "FR");

    private static LifecycleMarkRights rights(ItemStatus status, Custody custody) {
        return new LifecycleMarkRights("item-1", status, custody, Set.of("NL"), Set.of("BE"));
    }

    @Test
    void anImportMarkIsTheImportingAuthoritysOnly() {
        assertThatCode(() -> rights(ItemStatus.ACTIVE, HELD_BY_ARMY).require(MarkType.IMPORT, NL_AUTHORITY))
                .doesNotThrowAnyException();
        refused(rights(ItemStatus.ACTIVE, HELD_BY_ARMY), MarkType.IMPORT, FR_AUTHORITY, "country that received");
        refused(rights(ItemStatus.ACTIVE, HELD_BY_ARMY), MarkType.IMPORT, ARMY, "country that received");
    }

    @Test
    void aCivilianReleaseMarkIsTheReleasingStatesAuthoritys() {
        assertThatCode(() -> rights(ItemStatus.ACTIVE, HELD_BY_ARMY).require(MarkType.STATE_TO_CIVILIAN, BE_AUTHORITY))
                .doesNotThrowAnyException();
        refused(rights(ItemStatus.ACTIVE, HELD_BY_ARMY), MarkType.STATE_TO_CIVILIAN, NL_AUTHORITY, "released it");
    }

    @Test
    void aConfiscationMarkIsTheSeizingHoldersOnceSeized() {
        Custody seized = new Custody("BE-POLICE", "BE");
        CommandOrigin police = origin("BE-POLICE", Role.LAW_ENFORCEMENT, "BE");
        assertThatCode(() -> rights(ItemStatus.SEIZED, seized).require(MarkType.CONFISCATION, police))
                .doesNotThrowAnyException();
        refused(rights(ItemStatus.ACTIVE, new Custody("BE-POLICE", "BE")), MarkType.CONFISCATION, police, "seized item");
        refused(rights(ItemStatus.SEIZED, seized), MarkType.CONFISCATION, BE_AUTHORITY, "seized item");
    }

    @Test
    void aDeactivationMarkFollowsTheDeactivationByItsCustodianOrTheAuthorityOfItsCountry() {
        assertThatCode(() -> rights(ItemStatus.DEACTIVATED, HELD_BY_ARMY).require(MarkType.DEACTIVATION, ARMY))
                .doesNotThrowAnyException();
        assertThatCode(() -> rights(ItemStatus.DEACTIVATED, HELD_BY_ARMY).require(MarkType.DEACTIVATION, BE_AUTHORITY))
                .doesNotThrowAnyException();
        refused(rights(ItemStatus.DEACTIVATED, HELD_BY_ARMY), MarkType.DEACTIVATION, NL_AUTHORITY, "after deactivation");
        refused(rights(ItemStatus.ACTIVE, HELD_BY_ARMY), MarkType.DEACTIVATION, ARMY, "after deactivation");
    }

    @Test
    void aRemarkIsTheCustodiansAndTheManufactureMarkNeverHere() {
        assertThatCode(() -> rights(ItemStatus.ACTIVE, HELD_BY_ARMY).require(MarkType.REMARK, ARMY))
                .doesNotThrowAnyException();
        refused(rights(ItemStatus.ACTIVE, HELD_BY_ARMY), MarkType.REMARK, BE_AUTHORITY, "its custodian");
        refused(rights(ItemStatus.ACTIVE, HELD_BY_ARMY), MarkType.MANUFACTURE, ARMY, "");
    }

    @Test
    void custodyIsTheHoldersOrTheAuthorityOfItsCountrys() {
        assertThat(HELD_BY_ARMY.isAuthorityOver(BE_AUTHORITY)).isTrue();
        assertThat(HELD_BY_ARMY.isAuthorityOver(NL_AUTHORITY)).isFalse();
        assertThat(HELD_BY_ARMY.isAuthorityOver(origin("BE-GOV", Role.LAW_ENFORCEMENT, "BE"))).isFalse();
        assertThatCode(() -> HELD_BY_ARMY.requireHeldByOrAuthorityOver(BE_AUTHORITY)).doesNotThrowAnyException();
        Refusal refusal = catchThrowableOfType(Refusal.class, () -> HELD_BY_ARMY.requireHeldByOrAuthorityOver(NL_AUTHORITY));
        assertThat(refusal.code()).isEqualTo("not-custodian");
        assertThat(refusal).hasMessageContaining("custody of BE-ARMY, not of NL-GOV");
    }

    private static void refused(LifecycleMarkRights rights, MarkType mark, CommandOrigin by, String whoMay) {
        Refusal refusal = catchThrowableOfType(Refusal.class, () -> rights.require(mark, by));
        assertThat(refusal).as("%s by %s", mark, by.actorId()).isNotNull();
        assertThat(refusal.code()).isEqualTo("mark-not-allowed");
        assertThat(refusal).hasMessageContaining(whoMay);
    }
}
