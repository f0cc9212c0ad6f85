package org.salwledger.core.item;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.salwledger.core.actor.Role;
import org.salwledger.core.chain.ChainHead;
import org.salwledger.core.command.CommandOrigin;
import org.salwledger.core.command.DomainRuleViolation;
import org.salwledger.core.command.Require;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A weapon or a part, identified by a ledger id that never changes; markings are facts about it.
 * Snapshotted and cached: an item's command cost must not grow with its history.
 */
@Aggregate(snapshotTriggerDefinition = "ledgerSnapshotTrigger", cache = "ledgerAggregateCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Item {
    /** ITI para 4: antiques (before 1899) are outside its scope. */
    private static final int FIRST_YEAR_IN_SCOPE = 1899;

    @AggregateIdentifier
    private String itemId;
    private String manufacturer;
    private String countryOfManufacture;
    private Material material;
    private String custodian;
    private ItemStatus status;
    private String pendingTransfer;
    private ChainHead chain;

    protected Item() {
    }

    @CommandHandler
    public Item(ManufactureItem command) {
        CommandOrigin origin = command.origin();
        Require.role(origin, Role.MANUFACTURER);
        ItemKind kind = Require.present(command.kind(), "kind");
        if (kind == ItemKind.WEAPON) {
            Require.present(command.category(), "category");
            if (command.partType() != null) {
                throw DomainRuleViolation.unprocessable("invalid-field", "a WEAPON has a category, not a 'partType'");
            }
        } else {
            Require.present(command.partType(), "partType");
            if (command.category() != null) {
                throw DomainRuleViolation.unprocessable("invalid-field", "a PART has a partType, not a 'category'");
            }
        }
        if (command.identityComponent() != null && !command.identityComponent().canCarryIdentity()) {
            throw DomainRuleViolation.unprocessable("invalid-field",
                    "'identityComponent' must be a frame, a receiver or a fire-control unit");
        }
        String make = Require.text(command.make(), "make", 200);
        String model = Require.text(command.model(), "model", 200);
        String calibre = Require.text(command.calibre(), "calibre", 100);
        Material material = Require.present(command.material(), "material");
        Production production = Require.present(command.production(), "production");
        Integer year = command.yearOfManufacture();
        if (year != null && (year < FIRST_YEAR_IN_SCOPE || year > origin.recordedAt().atZone(ZoneOffset.UTC).getYear())) {
            throw DomainRuleViolation.unprocessable("invalid-field",
                    "'yearOfManufacture' must be between " + FIRST_YEAR_IN_SCOPE + " and the current year");
        }
        String description = Require.optionalText(command.description(), "description", 2000);
        apply(ChainHead.start(command.itemId()).seal(link -> new ItemManufactured(command.itemId(), kind,
                command.category(), command.partType(), command.identityComponent(), make, model, calibre, material,
                production, year, description, origin.actorId(), origin.country(), link), origin));
    }

    @CommandHandler
    public void handle(MarkItem command, ManufactureMarkRegistry registry) {
        requireItem();
        CommandOrigin origin = command.origin();
        MarkType markType = Require.present(command.markType(), "markType");
        PartType component = Require.present(command.component(), "component");
        MarkingMethod method = Require.present(command.method(), "method");
        String location = Require.optionalText(command.location(), "location", 500);
        switch (markType) {
            case MANUFACTURE -> markAtManufacture(command, component, method, location, registry);
            case REMARK -> remark(command, component, method, location);
            default -> throw DomainRuleViolation.unprocessable("mark-not-allowed", markType
                    + " marks need the custody fact that allows them (a received export, a transfer from state"
                    + " stocks, a seizure or a deactivation), and this item has none");
        }
    }

    private void markAtManufacture(MarkItem command, PartType component, MarkingMethod method, String location,
                                   ManufactureMarkRegistry registry) {
        CommandOrigin origin = command.origin();
        if (!origin.actorId().equals(manufacturer)) {
            throw DomainRuleViolation.forbidden("mark-not-allowed",
                    "only the item's manufacturer " + manufacturer + " may record its MANUFACTURE mark");
        }
        String serial = Require.text(command.serial(), "serial", 100);
        String text = command.text() == null ? serial : Require.text(command.text(), "text", 500);
        registry.claim(manufacturer, countryOfManufacture, Serials.normalize(serial), itemId);
        List<String> warnings = new ArrayList<>();
        if (material == Material.POLYMER && method.isDirectInMaterial()) {
            warnings.add("polymer-direct-mark");
        }
        apply(chain.seal(link -> new ItemMarked(itemId, MarkType.MANUFACTURE, text, serial, manufacturer,
                countryOfManufacture, component, method, location, origin.actorId(), List.copyOf(warnings), link),
                origin));
    }

    private void remark(MarkItem command, PartType component, MarkingMethod method, String location) {
        CommandOrigin origin = command.origin();
        if (!origin.actorId().equals(custodian)) {
            throw DomainRuleViolation.forbidden("not-custodian",
                    "only the current custodian " + custodian + " may record a REMARK on this item");
        }
        String text = Require.text(command.text(), "text", 500);
        String serial = Require.optionalText(command.serial(), "serial", 100);
        apply(chain.seal(link -> new ItemMarked(itemId, MarkType.REMARK, text, serial, null, origin.country(),
                component, method, location, origin.actorId(), List.of(), link), origin));
    }

    @CommandHandler
    public void handle(DispatchItem command) {
        requireItem();
        CommandOrigin origin = command.origin();
        if (!origin.actorId().equals(custodian)) {
            throw DomainRuleViolation.forbidden("not-custodian", "the item is in the custody of " + custodian
                    + ", not of " + origin.actorId());
        }
        requireStatus(ItemStatus.ACTIVE);
        apply(chain.seal(link -> new ItemDispatched(itemId, command.transferId(), custodian, command.consignee(), link),
                origin));
    }

    @CommandHandler
    public void handle(ReceiveItem command) {
        requireItem();
        requireInTransit(command.transferId());
        CommandOrigin origin = command.origin();
        apply(chain.seal(link -> new ItemReceived(itemId, command.transferId(), origin.actorId(),
                command.consigneeCountry(), link), origin));
    }

    @CommandHandler
    public void handle(ReturnItem command) {
        requireItem();
        requireInTransit(command.transferId());
        apply(chain.seal(link -> new ItemReturned(itemId, command.transferId(), custodian, command.origin().actorId(),
                link), command.origin()));
    }

    @CommandHandler
    public void handle(RecordMissingItem command) {
        requireItem();
        requireInTransit(command.transferId());
        CommandOrigin origin = command.origin();
        apply(chain.seal(link -> new ItemLost(itemId, command.transferId(), custodian, origin.actorId(), link), origin));
    }

    /** Item and transfer ids are both UUIDs; a stream that is not an item's has no manufacture record. */
    private void requireItem() {
        if (chain == null || manufacturer == null) {
            throw DomainRuleViolation.notFound("item-not-found", "no item with this id");
        }
    }

    /** Refusal codes name the status: item-in-transit, item-lost, item-stolen, item-seized, ... */
    private void requireStatus(ItemStatus required) {
        if (status != required) {
            throw DomainRuleViolation.conflict("item-" + status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                    "item " + itemId + " is " + status);
        }
    }

    private void requireInTransit(String transferId) {
        if (status != ItemStatus.IN_TRANSIT || !transferId.equals(pendingTransfer)) {
            throw DomainRuleViolation.conflict("item-not-in-this-transfer",
                    "item " + itemId + " is not in transit in transfer " + transferId);
        }
    }

    @EventSourcingHandler
    void on(ItemManufactured event) {
        itemId = event.itemId();
        manufacturer = event.manufacturer();
        countryOfManufacture = event.countryOfManufacture();
        material = event.material();
        custodian = event.manufacturer();
        status = ItemStatus.ACTIVE;
        chain = ChainHead.start(itemId).after(event.link());
    }

    @EventSourcingHandler
    void on(ItemMarked event) {
        chain = chain.after(event.link());
    }

    @EventSourcingHandler
    void on(ItemDispatched event) {
        status = ItemStatus.IN_TRANSIT;
        pendingTransfer = event.transferId();
        chain = chain.after(event.link());
    }

    @EventSourcingHandler
    void on(ItemReceived event) {
        status = ItemStatus.ACTIVE;
        custodian = event.custodian();
        pendingTransfer = null;
        chain = chain.after(event.link());
    }

    @EventSourcingHandler
    void on(ItemReturned event) {
        status = ItemStatus.ACTIVE;
        pendingTransfer = null;
        chain = chain.after(event.link());
    }

    @EventSourcingHandler
    void on(ItemLost event) {
        status = ItemStatus.LOST;
        pendingTransfer = null;
        chain = chain.after(event.link());
    }
}
