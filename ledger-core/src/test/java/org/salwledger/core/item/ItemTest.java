package org.salwledger.core.item;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salwledger.core.Fixtures;
import org.salwledger.core.chain.ChainHead;
import org.salwledger.core.command.CommandOrigin;
import org.salwledger.core.command.Role;
import org.salwledger.core.item.command.DispatchItem;
import org.salwledger.core.item.command.ManufactureItem;
import org.salwledger.core.item.command.MarkItem;
import org.salwledger.core.item.command.ReceiveItem;
import org.salwledger.core.item.command.RecordMissingItem;
import org.salwledger.core.item.command.ReturnItem;
import org.salwledger.core.item.description.ItemKind;
import org.salwledger.core.item.description.Material;
import org.salwledger.core.item.description.PartType;
import org.salwledger.core.item.description.Production;
import org.salwledger.core.item.description.TransferKind;
import org.salwledger.core.item.description.WeaponCategory;
import org.salwledger.core.item.event.ItemDispatched;
import org.salwledger.core.item.event.ItemLost;
import org.salwledger.core.item.event.ItemManufactured;
import org.salwledger.core.item.event.ItemMarked;
import org.salwledger.core.item.event.ItemReceived;
import org.salwledger.core.item.marking.MarkType;
import org.salwledger.core.item.marking.MarkingMethod;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.salwledger.core.Fixtures.origin;
import static org.salwledger.core.command.Refusals.refusal;

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
        fixture.registerInjectableResource(new ItemLoader(() -> fixture.getRepository()));
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
                .expectException(refusal("role-not-allowed"))
                .expectExceptionMessage(containsString("MANUFACTURER"))
                .expectNoEvents();
    }

    @Test
    void aWeaponNeedsACategoryAndAPartAPartType() {
        fixture.givenNoPriorActivity()
                .when(new ManufactureItem(ITEM, ItemKind.WEAPON, null, null, null, "m", "m", "c", Material.METAL,
                        Production.INDUSTRIAL, null, null, FNH))
                .expectException(refusal("missing-field")).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new ManufactureItem(ITEM, ItemKind.PART, WeaponCategory.OTHER, PartType.SLIDE, null, "m", "m", "c",
                        Material.METAL, Production.INDUSTRIAL, null, null, FNH))
                .expectException(refusal("invalid-field")).expectNoEvents();
    }

    @Test
    void theIdentityComponentIsAFrameReceiverOrFireControlUnit() {
        fixture.givenNoPriorActivity()
                .when(new ManufactureItem(ITEM, ItemKind.WEAPON, WeaponCategory.RIFLE_OR_CARBINE, null, PartType.BARREL,
                        "m", "m", "c", Material.METAL, Production.INDUSTRIAL, null, null, FNH))
                .expectException(refusal("invalid-field")).expectNoEvents();
    }

    @Test
    void antiquesAndFutureYearsAreRefused() {
        fixture.givenNoPriorActivity()
                .when(new ManufactureItem(ITEM, ItemKind.WEAPON, WeaponCategory.RIFLE_OR_CARBINE, null, null,
                        "m", "m", "c", Material.METAL, Production.INDUSTRIAL, 1850, null, FNH))
                .expectException(refusal("invalid-field")).expectNoEvents();
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
                .expectException(refusal("mark-not-allowed"))
                .expectNoEvents();
        assertThat(registry.claims).isEmpty();
    }

    @Test
    void aManufactureMarkNeedsASerial() {
        fixture.given(manufactured())
                .when(new MarkItem(ITEM, MarkType.MANUFACTURE, " ", null, PartType.FRAME, MarkingMethod.LASER, null, FNH))
                .expectException(refusal("missing-field"))
                .expectNoEvents();
    }

    @Test
    void aSerialAnotherItemOfTheSameManufacturerAndCountryHoldsIsRefused() {
        registry.claim("BE-FNH", "BE", "GKS0012345", "another-item");
        fixture.given(manufactured())
                .when(new MarkItem(ITEM, MarkType.MANUFACTURE, "gks-001.2345", null, PartType.FRAME, MarkingMethod.LASER,
                        null, FNH))
                .expectException(refusal("duplicate-marking"))
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
                .expectException(refusal("mark-not-allowed"))
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
                .expectException(refusal("mark-not-allowed")).expectNoEvents();
    }

    private static final String TRANSFER = "7c1f8f6e-6a8e-3c52-9a52-3f0e2b1c0d9e";

    private static ItemDispatched dispatchedTo(String consignee) {
        return afterManufacture().seal(link -> new ItemDispatched(ITEM, TRANSFER, "BE-FNH", consignee, link), FNH);
    }

    @Test
    void theCustodianDispatchesAnActiveItem() {
        fixture.given(manufactured())
                .when(new DispatchItem(ITEM, TRANSFER, "CD-MOD", FNH))
                .expectEvents(dispatchedTo("CD-MOD"));
    }

    @Test
    void onlyTheCustodianDispatches() {
        fixture.given(manufactured())
                .when(new DispatchItem(ITEM, TRANSFER, "CD-MOD", origin("BE-DEAL", Role.HOLDER, "BE")))
                .expectException(refusal("not-custodian"))
                .expectExceptionMessage(containsString("custody of BE-FNH"))
                .expectNoEvents();
    }

    @Test
    void anItemInTransitCannotLeaveAgain() {
        fixture.given(manufactured(), dispatchedTo("CD-MOD"))
                .when(new DispatchItem(ITEM, "8d1f8f6e-6a8e-3c52-9a52-3f0e2b1c0d9e", "UG-POL", FNH))
                .expectException(refusal("item-in-transit"))
                .expectNoEvents();
    }

    @Test
    void receiptMovesCustodyToTheConsignee() {
        CommandOrigin cd = origin("CD-MOD", Role.AUTHORITY, "CD");
        fixture.given(manufactured(), dispatchedTo("CD-MOD"))
                .when(new ReceiveItem(ITEM, TRANSFER, TransferKind.EXPORT, "BE", "CD", cd))
                .expectSuccessfulHandlerExecution();
        // the new custodian may then dispatch it; the old one may not
        ItemDispatched dispatched = dispatchedTo("CD-MOD");
        ItemReceived received = ChainHead.start(ITEM).after(manufactured().link()).after(dispatched.link())
                .seal(link -> new ItemReceived(ITEM, TRANSFER, TransferKind.EXPORT, "BE-FNH", "BE", "CD-MOD", "CD", link), cd);
        fixture.given(manufactured(), dispatched, received)
                .when(new DispatchItem(ITEM, "9e1f8f6e-6a8e-3c52-9a52-3f0e2b1c0d9e", "BE-FNH", FNH))
                .expectException(refusal("not-custodian"));
        fixture.given(manufactured(), dispatched, received)
                .when(new DispatchItem(ITEM, "9e1f8f6e-6a8e-3c52-9a52-3f0e2b1c0d9e", "CD-POL", cd))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void onlyTheTransferTheItemIsInCanCloseIt() {
        fixture.given(manufactured(), dispatchedTo("CD-MOD"))
                .when(new ReceiveItem(ITEM, "0f1f8f6e-6a8e-3c52-9a52-3f0e2b1c0d9e", TransferKind.EXPORT, "BE", "CD", origin("CD-MOD", Role.AUTHORITY, "CD")))
                .expectException(refusal("item-not-in-this-transfer")).expectNoEvents();
        fixture.given(manufactured())
                .when(new ReturnItem(ITEM, TRANSFER, origin("CD-MOD", Role.AUTHORITY, "CD")))
                .expectException(refusal("item-not-in-this-transfer")).expectNoEvents();
    }

    @Test
    void anItemMissingOnReceiptIsLostAndCannotBeDispatched() {
        CommandOrigin cd = origin("CD-MOD", Role.AUTHORITY, "CD");
        ItemDispatched dispatched = dispatchedTo("CD-MOD");
        ItemLost lost = ChainHead.start(ITEM).after(manufactured().link()).after(dispatched.link())
                .seal(link -> new ItemLost(ITEM, TRANSFER, "BE-FNH", "CD-MOD", null, null, link), cd);
        fixture.given(manufactured(), dispatched)
                .when(new RecordMissingItem(ITEM, TRANSFER, cd))
                .expectEvents(lost);
        fixture.given(manufactured(), dispatched, lost)
                .when(new DispatchItem(ITEM, "9e1f8f6e-6a8e-3c52-9a52-3f0e2b1c0d9e", "BE-X", FNH))
                .expectException(refusal("item-lost"))
                .expectExceptionMessage(containsString("LOST"));
    }

    @Test
    void aRejectedItemIsBackWithItsSender() {
        fixture.given(manufactured(), dispatchedTo("CD-MOD"))
                .when(new ReturnItem(ITEM, TRANSFER, origin("CD-MOD", Role.AUTHORITY, "CD")))
                .expectSuccessfulHandlerExecution();
    }
}
