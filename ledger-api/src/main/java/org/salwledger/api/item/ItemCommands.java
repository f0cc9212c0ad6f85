package org.salwledger.api.item;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.salwledger.core.item.description.ItemKind;
import org.salwledger.core.item.description.Material;
import org.salwledger.core.item.description.PartType;
import org.salwledger.core.item.description.Production;
import org.salwledger.core.item.description.WeaponCategory;
import org.salwledger.core.item.marking.MarkType;
import org.salwledger.core.item.marking.MarkingMethod;
import org.salwledger.core.item.marking.ObservedMarking;

import java.util.List;

/** Bodies of the item commands as signers send them, besides the common header. */
public final class ItemCommands {
    private ItemCommands() {}

    public record ManufactureItemBody(ItemKind kind, WeaponCategory category, PartType partType,
                                      PartType identityComponent, String make, String model, String calibre,
                                      Material material, Production production, Integer yearOfManufacture,
                                      String description) {}

    public record MarkItemBody(String itemId, MarkType markType, String serial, String text, PartType component,
                               MarkingMethod method, String location) {}

    public record ReportLostBody(String itemId, String place, String policeReference) {}

    public record ReportStolenBody(String itemId, String place, String policeReference) {}

    public record ReportRecoveredBody(String itemId, String place, String circumstances,
                                      List<ObservedMarking> observedMarkings, List<String> alsoRecovered,
                                      List<String> partsMissing) {}

    public record SeizeItemBody(String itemId, String place, String reason) {}

    public record DeactivateItemBody(String itemId, String certificateReference, String standard) {}

    public record DestroyItemBody(String itemId, String certificateReference, String method) {}

    public record RegisterUnmarkedItemBody(ItemKind kind, WeaponCategory category, PartType partType, String make,
                                           String model, String calibre, Material material, Production production,
                                           String description, String place, List<ObservedMarking> observedMarkings) {}

    public record CorrectRecordBody(String itemId, Long sequence, String recordHash, ObjectNode correctedFacts,
                                    String reason) {}

    public record LinkIdentityBody(String unmarkedItemId, String knownItemId, String evidence) {}

    public record TransformItemBody(String itemId, String model, String calibre, WeaponCategory category,
                                    String description) {}
}
