package org.salwledger.core.item;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salwledger.core.Fixtures;
import org.salwledger.core.actor.Role;
import org.salwledger.core.chain.ChainHead;
import org.salwledger.core.command.CommandOrigin;
import org.salwledger.core.command.DomainRuleViolation;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.salwledger.core.Fixtures.origin;

class ItemTest {
    private static final String ITEM = "6b1f8f6e-6a8e-3c52-9a52-3f0e2b1c0d9e";
    private static final CommandOrigin FNH = origin("BE-FNH", Role.MANUFACTURER, "BE");

    private AggregateTestFixture<Item> fixture;
    private Fixtures.InMemoryMarkRegistry registry;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Item.class);
        registry = new Fixtures.InMemoryMarkRegistry();
        fixture.registerInjectableResource(registry);
    }

    private static ManufactureItem pistol(CommandOrigin by) {
        return new ManufactureItem(ITEM, ItemKind.WEAPON, WeaponCategory.REVOLVER_OR_SELF_LOADING_PISTOL, null,
                PartType.FIRE_CONTROL_UNIT, "FN Herstal", "FN 509", "9x19mm", Material.POLYMER, Production.INDUSTRIAL,
                2026, null, by);
    }

    private static ItemManufactured manufactured() {
        return ChainHead.start(ITEM).seal(link -> new ItemManufactured(ITEM, ItemKind.WEAPON,
                WeaponCategory.REVOLVER_OR_SELF_LOADING_PISTOL, null, PartType.FIRE_CONTROL_UNIT, "FN Herstal", "FN 509",
                "9x19mm", Material.POLYMER, Production.INDUSTRIAL, 2026, null, "BE-FNH", "BE", link), FNH);
    }

    private static ChainHead afterManufacture() {
        return ChainHead.start(ITEM).after(manufactured().link());
    }

    @Test
    void aManufacturerRecordsAnItemItMadeInItsCountry() {
        fixture.givenNoPriorActivity().when(pistol(FNH)).expectEvents(manufactured());
    }

    @Test
    void onlyManufacturersManufacture() {
        fixture.givenNoPriorActivity()
                .when(pistol(origin("BE-POL", Role.HOLDER, "BE")))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(containsString("MANUFACTURER"))
                .expectNoEvents();
    }

    @Test
    void aWeaponNeedsACategoryAndAPartAPartType() {
        fixture.givenNoPriorActivity()
                .when(new ManufactureItem(ITEM, ItemKind.WEAPON, null, null, null, "m", "m", "c", Material.METAL,
                        Production.INDUSTRIAL, null, null, FNH))
                .expectException(DomainRuleViolation.class).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new ManufactureItem(ITEM, ItemKind.PART, WeaponCategory.OTHER, PartType.SLIDE, null, "m", "m", "c",
                        Material.METAL, Production.INDUSTRIAL, null, null, FNH))
                .expectException(DomainRuleViolation.class).expectNoEvents();
    }

    @Test
    void theIdentityComponentIsAFrameReceiverOrFireControlUnit() {
        fixture.givenNoPriorActivity()
                .when(new ManufactureItem(ITEM, ItemKind.WEAPON, WeaponCategory.RIFLE_OR_CARBINE, null, PartType.BARREL,
                        "m", "m", "c", Material.METAL, Production.INDUSTRIAL, null, null, FNH))
                .expectException(DomainRuleViolation.class).expectNoEvents();
    }

    @Test
    void antiquesAndFutureYearsAreRefused() {
        fixture.givenNoPriorActivity()
                .when(new ManufactureItem(ITEM, ItemKind.WEAPON, WeaponCategory.RIFLE_OR_CARBINE, null, null,
                        "m", "m", "c", Material.METAL, Production.INDUSTRIAL, 1850, null, FNH))
                .expectException(DomainRuleViolation.class).expectNoEvents();
    }

    @Test
    void theManufacturerRecordsTheManufactureMarkOnAnEmbeddedPlate() {
        ItemMarked marked = afterManufacture().seal(link -> new ItemMarked(ITEM, MarkType.MANUFACTURE,
                "FNH BELGIUM GKS0012345", "GKS0012345", "BE-FNH", "BE", PartType.FRAME, MarkingMethod.EMBEDDED_METAL_PLATE,
                "plate under the dust cover", "BE-FNH", List.of(), link), FNH);
        fixture.given(manufactured())
                .when(new MarkItem(ITEM, MarkType.MANUFACTURE, "GKS0012345", "FNH BELGIUM GKS0012345", PartType.FRAME,
                        MarkingMethod.EMBEDDED_METAL_PLATE, "plate under the dust cover", FNH))
                .expectEvents(marked);
        assertThat(registry.claims).containsEntry("BE-FNH|BE|GKS0012345", ITEM);
    }

    @Test
    void aSerialStampedStraightIntoPolymerIsFlagged() {
        fixture.given(manufactured())
                .when(new MarkItem(ITEM, MarkType.MANUFACTURE, "GKS1", null, PartType.FRAME, MarkingMethod.STAMPED, null, FNH))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.axonframework.test.matchers.Matchers.predicate(e ->
                                        ((ItemMarked) e).warnings().contains("polymer-direct-mark")
                                                && ((ItemMarked) e).text().equals("GKS1")))));
    }

    @Test
    void onlyTheItemsManufacturerRecordsItsManufactureMark() {
        fixture.given(manufactured())
                .when(new MarkItem(ITEM, MarkType.MANUFACTURE, "X1", null, PartType.FRAME, MarkingMethod.LASER, null,
                        origin("DE-HK", Role.MANUFACTURER, "DE")))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
        assertThat(registry.claims).isEmpty();
    }

    @Test
    void aManufactureMarkNeedsASerial() {
        fixture.given(manufactured())
                .when(new MarkItem(ITEM, MarkType.MANUFACTURE, " ", null, PartType.FRAME, MarkingMethod.LASER, null, FNH))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aSerialAnotherItemOfTheSameManufacturerAndCountryHoldsIsRefused() {
        registry.claim("BE-FNH", "BE", "GKS0012345", "another-item");
        fixture.given(manufactured())
                .when(new MarkItem(ITEM, MarkType.MANUFACTURE, "gks-001.2345", null, PartType.FRAME, MarkingMethod.LASER,
                        null, FNH))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(containsString("GKS0012345"))
                .expectNoEvents();
    }

    @Test
    void theSameSerialOnTwoComponentsOfOneItemIsAllowed() {
        registry.claim("BE-FNH", "BE", "GKS1", ITEM);
        fixture.given(manufactured())
                .when(new MarkItem(ITEM, MarkType.MANUFACTURE, "GKS1", null, PartType.SLIDE, MarkingMethod.LASER, null, FNH))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void lifecycleMarksNeedTheirCustodyFact() {
        fixture.given(manufactured())
                .when(new MarkItem(ITEM, MarkType.IMPORT, null, "CD 2026", PartType.FRAME, MarkingMethod.LASER, null,
                        origin("CD-AUTH", Role.AUTHORITY, "CD")))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void theCustodianMayRecordASecondaryRemark() {
        fixture.given(manufactured())
                .when(new MarkItem(ITEM, MarkType.REMARK, null, "QC-7", PartType.BARREL, MarkingMethod.LASER, null, FNH))
                .expectSuccessfulHandlerExecution();
        fixture.given(manufactured())
                .when(new MarkItem(ITEM, MarkType.REMARK, null, "QC-7", PartType.BARREL, MarkingMethod.LASER, null,
                        origin("XX", Role.HOLDER, "BE")))
                .expectException(DomainRuleViolation.class).expectNoEvents();
    }
}
