package org.salwledger.core.item;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.salwledger.core.chain.ChainHead;
import org.salwledger.core.command.AggregateComponents;
import org.salwledger.core.command.CommandOrigin;
import org.salwledger.core.command.Refusal;
import org.salwledger.core.command.Require;
import org.salwledger.core.command.Role;
import org.salwledger.core.item.command.AttachPart;
import org.salwledger.core.item.command.CorrectRecord;
import org.salwledger.core.item.command.DeactivateItem;
import org.salwledger.core.item.command.DestroyItem;
import org.salwledger.core.item.command.DispatchItem;
import org.salwledger.core.item.command.EnterHost;
import org.salwledger.core.item.command.HandOverCustody;
import org.salwledger.core.item.command.LeaveHost;
import org.salwledger.core.item.command.ManufactureItem;
import org.salwledger.core.item.command.MarkItem;
import org.salwledger.core.item.command.ReceiveItem;
import org.salwledger.core.item.command.RecordIdentityLink;
import org.salwledger.core.item.command.RecordMissingItem;
import org.salwledger.core.item.command.RegisterUnmarkedItem;
import org.salwledger.core.item.command.ReleasePart;
import org.salwledger.core.item.command.ReportLost;
import org.salwledger.core.item.command.ReportRecovered;
import org.salwledger.core.item.command.ReportStolen;
import org.salwledger.core.item.command.ReturnItem;
import org.salwledger.core.item.command.SeizeItem;
import org.salwledger.core.item.command.TransformItem;
import org.salwledger.core.item.description.ItemKind;
import org.salwledger.core.item.description.ItemStatus;
import org.salwledger.core.item.description.Material;
import org.salwledger.core.item.description.PartType;
import org.salwledger.core.item.description.Production;
import org.salwledger.core.item.description.TransferKind;
import org.salwledger.core.item.event.IdentityLinked;
import org.salwledger.core.item.event.ItemAssembledInto;
import org.salwledger.core.item.event.ItemDeactivated;
import org.salwledger.core.item.event.ItemDestroyed;
import org.salwledger.core.item.event.ItemDetachedFrom;
import org.salwledger.core.item.event.ItemDispatched;
import org.salwledger.core.item.event.ItemHandedOver;
import org.salwledger.core.item.event.ItemLost;
import org.salwledger.core.item.event.ItemManufactured;
import org.salwledger.core.item.event.ItemMarked;
import org.salwledger.core.item.event.ItemReceived;
import org.salwledger.core.item.event.ItemRecovered;
import org.salwledger.core.item.event.ItemRecoveredAfterDestruction;
import org.salwledger.core.item.event.ItemRegisteredUnmarked;
import org.salwledger.core.item.event.ItemReturned;
import org.salwledger.core.item.event.ItemSeized;
import org.salwledger.core.item.event.ItemStolen;
import org.salwledger.core.item.event.ItemTransformed;
import org.salwledger.core.item.event.PartAssembled;
import org.salwledger.core.item.event.PartDetached;
import org.salwledger.core.item.event.RecordCorrected;
import org.salwledger.core.item.marking.ManufactureMarkRegistry;
import org.salwledger.core.item.marking.MarkType;
import org.salwledger.core.item.marking.MarkingMethod;
import org.salwledger.core.item.marking.ObservedMarking;
import org.salwledger.core.item.marking.Serials;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A weapon or a part, identified by a ledger id that never changes; markings are facts about it.
 * Snapshotted and cached: an item's command cost must not grow with its history.
 * <p>
 * Over 300 lines because every fact about an item is decided against the item's own state in one
 * consistency boundary (21 command and 21 sourcing handlers, one per fact). The rules themselves live
 * beside it: statuses in named {@link StatusPolicy}s, free text in the {@link ItemText} table, who holds it
 * in {@link Custody}, who may mark it in {@link LifecycleMarkRights}.
 */
@Aggregate(snapshotTriggerDefinition = AggregateComponents.SNAPSHOT_TRIGGER, cache = AggregateComponents.CACHE)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Item {
    /** ITI para 4: antiques (before 1899) are outside its scope. */
    private static final int FIRST_YEAR_IN_SCOPE = 1899;

    @AggregateIdentifier
    private String itemId;
    private ItemKind kind;
    private String manufacturer;
    private String countryOfManufacture;
    private Material material;
    private ItemTransformed.Shape shape;
    private String custodian;
    private String custodianCountry;
    private ItemStatus status;
    private String pendingTransfer;
    /** The last custodian before the item left legal hands (lost, stolen), for recoveries. */
    private String lastLegalCustodian;
    private String destroyedBy;
    /** Countries that received the item by EXPORT, which may put their IMPORT mark on it (ITI 8b). */
    private Set<String> importedInto = new LinkedHashSet<>();
    /** Countries from whose stocks the item went to civilian use (ITI 8c). */
    private Set<String> releasedToCiviliansBy = new LinkedHashSet<>();
    /** The host this part is installed in, if any; it moves with that host. */
    private String installedIn;
    private Set<String> installedParts = new LinkedHashSet<>();
    /** For corrections: each record's type and who stated it, by sequence. */
    private Map<Long, RecordOrigin> records = new HashMap<>();
    private Set<String> sameAs = new LinkedHashSet<>();
    private boolean registeredUnmarked;
    private ChainHead chain;

    /** Who stated a record and of what type, kept so that only its author can correct it. */
    record RecordOrigin(String type, String hash, String statedBy) {}

    protected Item() {
    }

    @CommandHandler
    public Item(ManufactureItem command) {
        CommandOrigin origin = command.origin();
        Require.role(origin, Role.MANUFACTURER);
        ItemKind kind = Require.present(command.kind(), "kind");
        ItemDescriptions.requireKindFields(kind, command.category(), command.partType());
        if (command.identityComponent() != null && !command.identityComponent().canCarryIdentity()) {
            throw Refusal.unprocessable("invalid-field",
                    "'identityComponent' must be a frame, a receiver or a fire-control unit");
        }
        String make = ItemText.MAKE.required(command.make());
        String model = ItemText.MODEL.required(command.model());
        String calibre = ItemText.CALIBRE.required(command.calibre());
        Material material = Require.present(command.material(), "material");
        Production production = Require.present(command.production(), "production");
        Integer year = command.yearOfManufacture();
        if (year != null && (year < FIRST_YEAR_IN_SCOPE || year > origin.recordedAt().atZone(ZoneOffset.UTC).getYear())) {
            throw Refusal.unprocessable("invalid-field",
                    "'yearOfManufacture' must be between " + FIRST_YEAR_IN_SCOPE + " and the current year");
        }
        String description = ItemText.DESCRIPTION.optional(command.description());
        apply(ChainHead.start(command.itemId()).seal(link -> new ItemManufactured(command.itemId(), kind,
                command.category(), command.partType(), command.identityComponent(), make, model, calibre, material,
                production, year, description, origin.actorId(), origin.country(), link), origin));
    }

    @CommandHandler
    public Item(RegisterUnmarkedItem command) {
        CommandOrigin origin = command.origin();
        Require.role(origin, Role.LAW_ENFORCEMENT, Role.AUTHORITY);
        ItemKind kind = Require.present(command.kind(), "kind");
        ItemDescriptions.requireKindFields(kind, command.category(), command.partType());
        Material material = Require.present(command.material(), "material");
        Production production = Require.present(command.production(), "production");
        String description = ItemText.DESCRIPTION.required(command.description());
        List<ObservedMarking> observed = ItemDescriptions.observed(command.observedMarkings());
        apply(ChainHead.start(command.itemId()).seal(link -> new ItemRegisteredUnmarked(command.itemId(), kind,
                command.category(), command.partType(), ItemText.MAKE.optional(command.make()),
                ItemText.MODEL.optional(command.model()), ItemText.CALIBRE.optional(command.calibre()),
                material, production, description, ItemText.PLACE.optional(command.place()), observed,
                origin.actorId(), origin.country(), link), origin));
    }

    @CommandHandler
    public void handle(MarkItem command, ManufactureMarkRegistry registry, ItemLoader items) {
        requireItem();
        requireNotDestroyed();
        CommandOrigin origin = command.origin();
        MarkType markType = Require.present(command.markType(), "markType");
        PartType component = Require.present(command.component(), "component");
        MarkingMethod method = Require.present(command.method(), "method");
        String location = ItemText.LOCATION.optional(command.location());
        if (markType == MarkType.MANUFACTURE) {
            markAtManufacture(command, component, method, location, registry, items);
            return;
        }
        new LifecycleMarkRights(itemId, status, custody(), importedInto, releasedToCiviliansBy).require(markType, origin);
        String text = ItemText.MARK_TEXT.required(command.text());
        String serial = ItemText.SERIAL.optional(command.serial());
        if (markType == MarkType.CONFISCATION) {
            // ITI para 9 marks must be unique too (docs/domain-rules.md rule 8).
            registry.claim("CONFISCATION", origin.country(), Serials.normalize(text), itemId);
        }
        apply(chain.seal(link -> new ItemMarked(itemId, markType, text, serial, null, origin.country(), component,
                method, location, origin.actorId(), List.of(), link), origin));
    }

    private void markAtManufacture(MarkItem command, PartType component, MarkingMethod method, String location,
                                   ManufactureMarkRegistry registry, ItemLoader items) {
        CommandOrigin origin = command.origin();
        if (manufacturer == null || !origin.actorId().equals(manufacturer)) {
            throw Refusal.forbidden("mark-not-allowed",
                    "only the item's manufacturer may record its MANUFACTURE mark");
        }
        String serial = ItemText.SERIAL.required(command.serial());
        String text = command.text() == null ? serial : ItemText.MARK_TEXT.required(command.text());
        // A serial is one weapon's: its parts may repeat it (the FCU's number on the slide installed with it).
        String weapon = installedIn == null ? itemId : items.weaponOf(installedIn);
        registry.claim(manufacturer, countryOfManufacture, Serials.normalize(serial), itemId,
                owner -> weapon.equals(items.weaponOf(owner)));
        List<String> warnings = new ArrayList<>();
        if (material == Material.POLYMER && method.isDirectInMaterial()) {
            warnings.add("polymer-direct-mark");
        }
        apply(chain.seal(link -> new ItemMarked(itemId, MarkType.MANUFACTURE, text, serial, manufacturer,
                countryOfManufacture, component, method, location, origin.actorId(), List.copyOf(warnings), link),
                origin));
    }

    @CommandHandler
    public void handle(DispatchItem command) {
        requireItem();
        CommandOrigin origin = command.origin();
        custody().requireHeldBy(origin);
        StatusPolicy.IN_HAND.require(status, itemId);
        if (installedIn != null && !installedIn.equals(command.withHost())) {
            throw Refusal.conflict("part-installed", "item " + itemId + " is installed in " + installedIn
                    + " and moves with it; detach it to send it alone");
        }
        apply(chain.seal(link -> new ItemDispatched(itemId, command.transferId(), custodian, command.consignee(), link),
                origin));
    }

    @CommandHandler
    public void handle(ReceiveItem command) {
        requireItem();
        requireInTransit(command.transferId());
        CommandOrigin origin = command.origin();
        apply(chain.seal(link -> new ItemReceived(itemId, command.transferId(), command.transferKind(), custodian,
                command.senderCountry(), origin.actorId(), command.consigneeCountry(), link), origin));
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
        apply(chain.seal(link -> new ItemLost(itemId, command.transferId(), custodian, origin.actorId(), null, null,
                link), origin));
    }

    @CommandHandler
    public void handle(ReportLost command) {
        requireItem();
        CommandOrigin origin = command.origin();
        custody().requireHeldByOrAuthorityOver(origin);
        StatusPolicy.IN_HAND.require(status, itemId);
        apply(chain.seal(link -> new ItemLost(itemId, null, custodian, origin.actorId(),
                ItemText.PLACE.required(command.place()),
                ItemText.POLICE_REFERENCE.optional(command.policeReference()), link), origin));
    }

    @CommandHandler
    public void handle(ReportStolen command) {
        requireItem();
        CommandOrigin origin = command.origin();
        custody().requireHeldByOrAuthorityOver(origin);
        StatusPolicy.THEFT_REPORTABLE.require(status, itemId);
        apply(chain.seal(link -> new ItemStolen(itemId, custodian, origin.actorId(),
                ItemText.PLACE.required(command.place()),
                ItemText.POLICE_REFERENCE.optional(command.policeReference()), link), origin));
    }

    @CommandHandler
    public void handle(ReportRecovered command) {
        requireItem();
        CommandOrigin origin = command.origin();
        Require.role(origin, Role.LAW_ENFORCEMENT, Role.AUTHORITY);
        String place = ItemText.PLACE.required(command.place());
        String circumstances = ItemText.CIRCUMSTANCES.optional(command.circumstances());
        List<ObservedMarking> observed = ItemDescriptions.observed(command.observedMarkings());
        if (status == ItemStatus.DESTROYED) {
            apply(chain.seal(link -> new ItemRecoveredAfterDestruction(itemId, destroyedBy, origin.actorId(),
                    origin.country(), place, circumstances, observed, link), origin));
            return;
        }
        if (status != ItemStatus.LOST && status != ItemStatus.STOLEN) {
            throw Refusal.conflict("item-not-lost-or-stolen", "item " + itemId + " is " + status
                    + "; an item taken from its holder is seized (SeizeItem), not recovered");
        }
        apply(chain.seal(link -> new ItemRecovered(itemId, status, lastLegalCustodian, origin.actorId(),
                origin.country(), place, circumstances, observed, link), origin));
    }

    @CommandHandler
    public void handle(SeizeItem command) {
        requireItem();
        CommandOrigin origin = command.origin();
        Require.role(origin, Role.LAW_ENFORCEMENT, Role.AUTHORITY);
        StatusPolicy.IN_HAND.require(status, itemId);
        apply(chain.seal(link -> new ItemSeized(itemId, custodian, origin.actorId(), origin.country(),
                ItemText.PLACE.required(command.place()), ItemText.REASON.required(command.reason()), link),
                origin));
    }

    @CommandHandler
    public void handle(DeactivateItem command) {
        requireItem();
        CommandOrigin origin = command.origin();
        custody().requireHeldBy(origin);
        StatusPolicy.ALTERABLE.require(status, itemId);
        apply(chain.seal(link -> new ItemDeactivated(itemId, custodian,
                ItemText.CERTIFICATE_REFERENCE.required(command.certificateReference()),
                ItemText.STANDARD.required(command.standard()), link), origin));
    }

    @CommandHandler
    public void handle(DestroyItem command) {
        requireItem();
        requireNotDestroyed();
        CommandOrigin origin = command.origin();
        custody().requireHeldBy(origin);
        StatusPolicy.PHYSICALLY_HELD.require(status, itemId);
        apply(chain.seal(link -> new ItemDestroyed(itemId, custodian,
                ItemText.CERTIFICATE_REFERENCE.required(command.certificateReference()),
                ItemText.METHOD.required(command.method()), link), origin));
    }

    @CommandHandler
    public void handle(AttachPart command) {
        requireItem();
        CommandOrigin origin = command.origin();
        custody().requireHeldBy(origin);
        StatusPolicy.COMPOSABLE.require(status, itemId);
        apply(chain.seal(link -> new PartAssembled(itemId, command.partId(), origin.actorId(), link), origin));
    }

    @CommandHandler
    public void handle(EnterHost command) {
        requireItem();
        CommandOrigin origin = command.origin();
        custody().requireHeldBy(origin);
        StatusPolicy.COMPOSABLE.require(status, itemId);
        if (installedIn != null) {
            throw Refusal.conflict("part-already-installed", "item " + itemId + " is already installed in "
                    + installedIn);
        }
        apply(chain.seal(link -> new ItemAssembledInto(itemId, command.hostId(), origin.actorId(), link), origin));
    }

    @CommandHandler
    public void handle(ReleasePart command) {
        requireItem();
        CommandOrigin origin = command.origin();
        custody().requireHeldBy(origin);
        StatusPolicy.COMPOSABLE.require(status, itemId);
        if (!installedParts.contains(command.partId())) {
            throw Refusal.conflict("part-not-installed", "item " + command.partId()
                    + " is not installed in " + itemId);
        }
        apply(chain.seal(link -> new PartDetached(itemId, command.partId(), origin.actorId(), link), origin));
    }

    @CommandHandler
    public void handle(LeaveHost command) {
        requireItem();
        apply(chain.seal(link -> new ItemDetachedFrom(itemId, command.hostId(), command.origin().actorId(), link),
                command.origin()));
    }

    @CommandHandler
    public void handle(HandOverCustody command) {
        requireItem();
        if (!command.from().equals(custodian)) {
            custody().requireHeldBy(command.origin());
        }
        StatusPolicy.NOT_IN_TRANSIT.require(status, itemId);
        apply(chain.seal(link -> new ItemHandedOver(itemId, custodian, command.to(), command.toCountry(),
                command.origin().actorId(), link), command.origin()));
    }

    @CommandHandler
    public void handle(TransformItem command) {
        requireItem();
        CommandOrigin origin = command.origin();
        boolean manufacturerHolding = origin.role() == Role.MANUFACTURER && custody().heldBy(origin);
        if (!manufacturerHolding && !custody().isAuthorityOver(origin)) {
            throw Refusal.forbidden("role-not-allowed", "a conversion is recorded by the MANUFACTURER "
                    + "holding the item or an AUTHORITY of its custodian's country");
        }
        if (command.category() != null && kind != ItemKind.WEAPON) {
            throw Refusal.unprocessable("invalid-field", "only a WEAPON has a category");
        }
        StatusPolicy.ALTERABLE.require(status, itemId);
        ItemTransformed.Shape after = new ItemTransformed.Shape(
                command.model() == null ? shape.model() : ItemText.MODEL.required(command.model()),
                command.calibre() == null ? shape.calibre() : ItemText.CALIBRE.required(command.calibre()),
                command.category() == null ? shape.category() : command.category());
        if (after.equals(shape)) {
            throw Refusal.unprocessable("no-change", "the conversion changes neither model, calibre nor category");
        }
        ItemTransformed.Shape before = shape;
        apply(chain.seal(link -> new ItemTransformed(itemId, before, after,
                ItemText.DESCRIPTION.required(command.description()), origin.actorId(), link), origin));
    }

    @CommandHandler
    public void handle(CorrectRecord command, ManufactureMarkRegistry registry) {
        requireItem();
        CommandOrigin origin = command.origin();
        RecordOrigin original = records.get(command.sequence());
        if (original == null || !original.hash().equals(command.recordHash())) {
            throw Refusal.notFound("record-not-found", "item " + itemId + " has no record "
                    + command.sequence() + " with hash " + command.recordHash());
        }
        if (!origin.actorId().equals(original.statedBy())) {
            throw Refusal.forbidden("not-record-author", "record " + command.sequence() + " was stated by "
                    + original.statedBy() + "; only its author corrects it");
        }
        Corrections.check(original.type(), command.correctedFacts());
        String reason = ItemText.REASON.required(command.reason());
        if (original.type().equals("ItemMarked") && command.correctedFacts().hasNonNull("serial") && manufacturer != null
                && manufacturer.equals(origin.actorId())) {
            registry.claim(manufacturer, countryOfManufacture,
                    Serials.normalize(command.correctedFacts().get("serial").asText()), itemId);
        }
        apply(chain.seal(link -> new RecordCorrected(itemId, command.sequence(), original.hash(), original.type(),
                command.correctedFacts().deepCopy(), reason, origin.actorId(), link), origin));
    }

    @CommandHandler
    public void handle(RecordIdentityLink command) {
        requireItem();
        CommandOrigin origin = command.origin();
        if (command.registeredSide()) {
            Require.role(origin, Role.LAW_ENFORCEMENT, Role.AUTHORITY);
            if (!registeredUnmarked) {
                throw Refusal.unprocessable("not-registered-unmarked",
                        "item " + itemId + " was not registered unmarked; link from the unmarked item");
            }
            custody().requireHeldByOrAuthorityOver(origin);
        }
        if (sameAs.contains(command.sameAs())) {
            throw Refusal.conflict("identity-already-linked", itemId + " is already linked to " + command.sameAs());
        }
        apply(chain.seal(link -> new IdentityLinked(itemId, command.sameAs(),
                ItemText.EVIDENCE.required(command.evidence()), origin.actorId(), link), origin));
    }

    /** The parts installed in this item, for processes that move them with it. */
    public Set<String> installedParts() {
        return Set.copyOf(installedParts);
    }

    /** The host this item is installed in, or null. */
    public String installedIn() {
        return installedIn;
    }

    private void advance(org.salwledger.core.chain.LedgerEvent event) {
        chain = chain.after(event.link());
        records.put(event.link().sequence(), new RecordOrigin(org.salwledger.core.chain.LedgerRecords.typeOf(event),
                event.link().hash(), event.statedBy()));
    }

    /** Item and transfer ids are both UUIDs; a stream that is not an item's has no first item record. */
    private void requireItem() {
        if (itemId == null || chain == null) {
            throw Refusal.notFound("item-not-found", "no item with this id");
        }
    }

    private void requireNotDestroyed() {
        StatusPolicy.NOT_DESTROYED.require(status, itemId);
    }

    private Custody custody() {
        return new Custody(custodian, custodianCountry);
    }

    private void requireInTransit(String transferId) {
        if (status != ItemStatus.IN_TRANSIT || !transferId.equals(pendingTransfer)) {
            throw Refusal.conflict("item-not-in-this-transfer",
                    "item " + itemId + " is not in transit in transfer " + transferId);
        }
    }

    @EventSourcingHandler
    void on(ItemManufactured event) {
        itemId = event.itemId();
        kind = event.kind();
        manufacturer = event.manufacturer();
        countryOfManufacture = event.countryOfManufacture();
        material = event.material();
        shape = new ItemTransformed.Shape(event.model(), event.calibre(), event.category());
        custodian = event.manufacturer();
        custodianCountry = event.countryOfManufacture();
        status = ItemStatus.ACTIVE;
        chain = ChainHead.start(itemId);
        advance(event);
    }

    @EventSourcingHandler
    void on(ItemRegisteredUnmarked event) {
        itemId = event.itemId();
        registeredUnmarked = true;
        kind = event.kind();
        material = event.material();
        shape = new ItemTransformed.Shape(event.model(), event.calibre(), event.category());
        custodian = event.registeredBy();
        custodianCountry = event.country();
        status = ItemStatus.SEIZED;
        chain = ChainHead.start(itemId);
        advance(event);
    }

    @EventSourcingHandler
    void on(ItemMarked event) {
        advance(event);
    }

    @EventSourcingHandler
    void on(ItemDispatched event) {
        status = ItemStatus.IN_TRANSIT;
        pendingTransfer = event.transferId();
        advance(event);
    }

    @EventSourcingHandler
    void on(ItemReceived event) {
        status = ItemStatus.ACTIVE;
        custodian = event.custodian();
        custodianCountry = event.custodianCountry();
        pendingTransfer = null;
        if (event.transferKind() == TransferKind.EXPORT) {
            importedInto.add(event.custodianCountry());
        }
        if (event.transferKind() == TransferKind.STATE_TO_CIVILIAN) {
            releasedToCiviliansBy.add(event.senderCountry());
        }
        advance(event);
    }

    @EventSourcingHandler
    void on(ItemReturned event) {
        status = ItemStatus.ACTIVE;
        pendingTransfer = null;
        advance(event);
    }

    @EventSourcingHandler
    void on(ItemLost event) {
        status = ItemStatus.LOST;
        lastLegalCustodian = event.lastCustodian();
        pendingTransfer = null;
        advance(event);
    }

    @EventSourcingHandler
    void on(ItemStolen event) {
        status = ItemStatus.STOLEN;
        lastLegalCustodian = event.lastCustodian();
        advance(event);
    }

    @EventSourcingHandler
    void on(ItemRecovered event) {
        heldInSecureStorageBy(event.recoveredBy(), event.recovererCountry());
        advance(event);
    }

    @EventSourcingHandler
    void on(ItemRecoveredAfterDestruction event) {
        heldInSecureStorageBy(event.recoveredBy(), event.recovererCountry());
        advance(event);
    }

    @EventSourcingHandler
    void on(ItemSeized event) {
        lastLegalCustodian = event.fromCustodian();
        heldInSecureStorageBy(event.seizedBy(), event.seizerCountry());
        advance(event);
    }

    /** SEIZED means held in secure storage by the recovering or seizing actor (ITI para 9). */
    private void heldInSecureStorageBy(String actor, String country) {
        status = ItemStatus.SEIZED;
        custodian = actor;
        custodianCountry = country;
    }

    @EventSourcingHandler
    void on(ItemDeactivated event) {
        status = ItemStatus.DEACTIVATED;
        advance(event);
    }

    @EventSourcingHandler
    void on(PartAssembled event) {
        installedParts.add(event.partId());
        advance(event);
    }

    @EventSourcingHandler
    void on(PartDetached event) {
        installedParts.remove(event.partId());
        advance(event);
    }

    @EventSourcingHandler
    void on(ItemAssembledInto event) {
        installedIn = event.hostId();
        advance(event);
    }

    @EventSourcingHandler
    void on(ItemDetachedFrom event) {
        installedIn = null;
        advance(event);
    }

    @EventSourcingHandler
    void on(ItemHandedOver event) {
        custodian = event.to();
        custodianCountry = event.toCountry();
        advance(event);
    }

    @EventSourcingHandler
    void on(ItemTransformed event) {
        shape = event.after();
        advance(event);
    }

    @EventSourcingHandler
    void on(RecordCorrected event) {
        advance(event);
    }

    @EventSourcingHandler
    void on(IdentityLinked event) {
        sameAs.add(event.sameAs());
        advance(event);
    }

    @EventSourcingHandler
    void on(ItemDestroyed event) {
        status = ItemStatus.DESTROYED;
        destroyedBy = event.custodian();
        advance(event);
    }
}
