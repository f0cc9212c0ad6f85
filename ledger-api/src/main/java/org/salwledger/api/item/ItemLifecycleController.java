package org.salwledger.api.item;

import org.salwledger.core.chain.NewStreamIds;
import org.salwledger.api.intake.Accepts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.salwledger.api.intake.CommandSubmitter;
import org.salwledger.api.intake.EnvelopeVerifier;
import org.salwledger.core.command.CommandOrigin;
import org.salwledger.core.command.Refusal;
import org.salwledger.core.item.command.CorrectRecord;
import org.salwledger.core.item.command.DeactivateItem;
import org.salwledger.core.item.command.DestroyItem;
import org.salwledger.core.item.command.ItemReport;
import org.salwledger.core.item.command.LinkIdentity;
import org.salwledger.core.item.command.RecoverItems;
import org.salwledger.core.item.command.RegisterUnmarkedItem;
import org.salwledger.core.item.command.ReportLost;
import org.salwledger.core.item.command.ReportOnItem;
import org.salwledger.core.item.command.ReportRecovered;
import org.salwledger.core.item.command.ReportStolen;
import org.salwledger.core.item.command.SeizeItem;
import org.salwledger.core.item.command.TransformItem;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.function.Function;

/** Loss, theft, recovery, seizure, unmarked registration, deactivation and destruction. */
@RestController
@RequestMapping(path = "/api/v1/items", consumes = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "items")
public class ItemLifecycleController {
    private static final Map<String, Class<?>> REPORTS = Map.of(
            "ReportLost", ItemCommands.ReportLostBody.class,
            "ReportStolen", ItemCommands.ReportStolenBody.class,
            "ReportRecovered", ItemCommands.ReportRecoveredBody.class,
            "SeizeItem", ItemCommands.SeizeItemBody.class);

    private final EnvelopeVerifier verifier;
    private final CommandSubmitter submitter;

    public ItemLifecycleController(EnvelopeVerifier verifier, CommandSubmitter submitter) {
        this.verifier = verifier;
        this.submitter = submitter;
    }

    @Accepts(type = "ReportLost", body = ItemCommands.ReportLostBody.class)
    @Accepts(type = "ReportStolen", body = ItemCommands.ReportStolenBody.class)
    @Accepts(type = "ReportRecovered", body = ItemCommands.ReportRecoveredBody.class)
    @Accepts(type = "SeizeItem", body = ItemCommands.SeizeItemBody.class)
    @PostMapping("/{itemId}/reports")
    @Operation(summary = "ReportLost, ReportStolen (custodian or its AUTHORITY), ReportRecovered, SeizeItem "
            + "(LAW_ENFORCEMENT or AUTHORITY)")
    public ResponseEntity<byte[]> report(@PathVariable String itemId, @RequestBody byte[] envelope) {
        ItemPaths.require(itemId);
        var signed = verifier.verifyOneOf(envelope, REPORTS);
        Function<CommandOrigin, ItemReport> report = reportCommand(itemId, signed.body());
        if (signed.body() instanceof ItemCommands.ReportRecoveredBody b) {
            return submitter.submit(signed, origin -> new RecoverItems((ReportRecovered) report.apply(origin),
                    b.alsoRecovered(), b.partsMissing()), Map.of("itemId", itemId));
        }
        return submitter.submit(signed, origin -> new ReportOnItem(report.apply(origin)), Map.of("itemId", itemId));
    }

    /** Reports reach the item and every part installed in it (ItemReportProcess). */
    private static Function<CommandOrigin, ItemReport> reportCommand(String itemId, Object body) {
        if (body instanceof ItemCommands.ReportLostBody b) {
            requireSamePath(itemId, b.itemId());
            return origin -> new ReportLost(itemId, b.place(), b.policeReference(), origin);
        }
        if (body instanceof ItemCommands.ReportStolenBody b) {
            requireSamePath(itemId, b.itemId());
            return origin -> new ReportStolen(itemId, b.place(), b.policeReference(), origin);
        }
        if (body instanceof ItemCommands.ReportRecoveredBody b) {
            requireSamePath(itemId, b.itemId());
            return origin -> new ReportRecovered(itemId, b.place(), b.circumstances(), b.observedMarkings(), origin);
        }
        ItemCommands.SeizeItemBody b = (ItemCommands.SeizeItemBody) body;
        requireSamePath(itemId, b.itemId());
        return origin -> new SeizeItem(itemId, b.place(), b.reason(), origin);
    }

    @Accepts(type = "DeactivateItem", body = ItemCommands.DeactivateItemBody.class)
    @PostMapping("/{itemId}/deactivation")
    @Operation(summary = "DeactivateItem by its custodian")
    public ResponseEntity<byte[]> deactivate(@PathVariable String itemId, @RequestBody byte[] envelope) {
        ItemPaths.require(itemId);
        var signed = verifier.verify(envelope, "DeactivateItem", ItemCommands.DeactivateItemBody.class);
        var b = signed.body();
        return submitter.submit(signed, samePath(itemId, b.itemId(),
                origin -> new DeactivateItem(itemId, b.certificateReference(), b.standard(), origin)), Map.of("itemId", itemId));
    }

    @Accepts(type = "DestroyItem", body = ItemCommands.DestroyItemBody.class)
    @PostMapping("/{itemId}/destruction")
    @Operation(summary = "DestroyItem by its custodian; terminal")
    public ResponseEntity<byte[]> destroy(@PathVariable String itemId, @RequestBody byte[] envelope) {
        ItemPaths.require(itemId);
        var signed = verifier.verify(envelope, "DestroyItem", ItemCommands.DestroyItemBody.class);
        var b = signed.body();
        return submitter.submit(signed, samePath(itemId, b.itemId(),
                origin -> new DestroyItem(itemId, b.certificateReference(), b.method(), origin)), Map.of("itemId", itemId));
    }

    @Accepts(type = "CorrectRecord", body = ItemCommands.CorrectRecordBody.class)
    @PostMapping("/{itemId}/corrections")
    @Operation(summary = "CorrectRecord: the author of a record states its corrected facts; nothing is edited")
    public ResponseEntity<byte[]> correct(@PathVariable String itemId, @RequestBody byte[] envelope) {
        ItemPaths.require(itemId);
        var signed = verifier.verify(envelope, "CorrectRecord", ItemCommands.CorrectRecordBody.class);
        var b = signed.body();
        if (b.sequence() == null) {
            throw Refusal.invalid("missing-field", "the CorrectRecord command needs 'sequence'");
        }
        return submitter.submit(signed, samePath(itemId, b.itemId(), origin -> new CorrectRecord(itemId, b.sequence(),
                b.recordHash(), b.correctedFacts(), b.reason(), origin)), Map.of("itemId", itemId));
    }

    @Accepts(type = "LinkIdentity", body = ItemCommands.LinkIdentityBody.class)
    @PostMapping("/{itemId}/identity-links")
    @Operation(summary = "LinkIdentity: this item, registered unmarked, is the known item named in the payload")
    public ResponseEntity<byte[]> linkIdentity(@PathVariable String itemId, @RequestBody byte[] envelope) {
        ItemPaths.require(itemId);
        var signed = verifier.verify(envelope, "LinkIdentity", ItemCommands.LinkIdentityBody.class);
        var b = signed.body();
        return submitter.submit(signed, samePath(itemId, b.unmarkedItemId(), origin -> new LinkIdentity(itemId,
                b.knownItemId(), b.evidence(), origin)), Map.of("itemId", itemId, "knownItemId", String.valueOf(b.knownItemId())));
    }

    @Accepts(type = "TransformItem", body = ItemCommands.TransformItemBody.class)
    @PostMapping("/{itemId}/transformation")
    @Operation(summary = "TransformItem: a conversion that changes model, calibre or category, with before and after")
    public ResponseEntity<byte[]> transform(@PathVariable String itemId, @RequestBody byte[] envelope) {
        ItemPaths.require(itemId);
        var signed = verifier.verify(envelope, "TransformItem", ItemCommands.TransformItemBody.class);
        var b = signed.body();
        return submitter.submit(signed, samePath(itemId, b.itemId(), origin -> new TransformItem(itemId, b.model(),
                b.calibre(), b.category(), b.description(), origin)), Map.of("itemId", itemId));
    }

    @Accepts(type = "RegisterUnmarkedItem", body = ItemCommands.RegisterUnmarkedItemBody.class)
    @PostMapping("/unmarked")
    @Operation(summary = "RegisterUnmarkedItem: a recovered craft, 3D-printed or unreadable item (LAW_ENFORCEMENT or AUTHORITY)")
    public ResponseEntity<byte[]> registerUnmarked(@RequestBody byte[] envelope) {
        var signed = verifier.verify(envelope, "RegisterUnmarkedItem", ItemCommands.RegisterUnmarkedItemBody.class);
        var b = signed.body();
        String itemId = NewStreamIds.item(signed.envelopeHash());
        return submitter.submit(signed, origin -> new RegisterUnmarkedItem(itemId, b.kind(), b.category(), b.partType(),
                b.make(), b.model(), b.calibre(), b.material(), b.production(), b.description(), b.place(),
                b.observedMarkings(), origin), Map.of("itemId", itemId));
    }

    private static Function<CommandOrigin, Object> samePath(String path, String payload,
                                                            Function<CommandOrigin, Object> command) {
        requireSamePath(path, payload);
        return command;
    }

    /** The signed payload, not the URL, is what the actor stated; they must agree. */
    private static void requireSamePath(String path, String payload) {
        if (!path.equals(payload)) {
            throw Refusal.invalid("path-mismatch", "the path names item " + path + ", the payload " + payload);
        }
    }
}
