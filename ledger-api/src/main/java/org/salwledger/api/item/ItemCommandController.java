package org.salwledger.api.item;

import org.salwledger.core.chain.NewStreamIds;
import org.salwledger.api.intake.Accepts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.salwledger.api.intake.CommandSubmitter;
import org.salwledger.api.intake.EnvelopeVerifier;
import org.salwledger.core.command.Refusal;
import org.salwledger.core.item.command.ManufactureItem;
import org.salwledger.core.item.command.MarkItem;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

@RestController
@RequestMapping(path = "/api/v1/items", consumes = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "items", description = "Item custody facts: signed DSSE envelopes")
public class ItemCommandController {
    private final EnvelopeVerifier verifier;
    private final CommandSubmitter submitter;

    public ItemCommandController(EnvelopeVerifier verifier, CommandSubmitter submitter) {
        this.verifier = verifier;
        this.submitter = submitter;
    }

    @Accepts(type = "ManufactureItem", body = ItemCommands.ManufactureItemBody.class)
    @PostMapping
    @Operation(summary = "ManufactureItem (MANUFACTURER); answers the new itemId")
    public ResponseEntity<byte[]> manufacture(@RequestBody byte[] envelope) {
        var signed = verifier.verify(envelope, "ManufactureItem", ItemCommands.ManufactureItemBody.class);
        var b = signed.body();
        // Derived from the envelope, so a resubmission after a lost answer names the same item.
        String itemId = NewStreamIds.item(signed.envelopeHash());
        return submitter.submit(signed, origin -> new ManufactureItem(itemId, b.kind(), b.category(), b.partType(),
                b.identityComponent(), b.make(), b.model(), b.calibre(), b.material(), b.production(),
                b.yearOfManufacture(), b.description(), origin), Map.of("itemId", itemId));
    }

    @Accepts(type = "MarkItem", body = ItemCommands.MarkItemBody.class)
    @PostMapping("/{itemId}/marks")
    @Operation(summary = "MarkItem: MANUFACTURE by the manufacturer, REMARK by the custodian")
    public ResponseEntity<byte[]> mark(@PathVariable String itemId, @RequestBody byte[] envelope) {
        ItemPaths.require(itemId);
        var signed = verifier.verify(envelope, "MarkItem", ItemCommands.MarkItemBody.class);
        var b = signed.body();
        if (!itemId.equals(b.itemId())) {
            throw Refusal.invalid("path-mismatch", "the path names item " + itemId + ", the payload " + b.itemId());
        }
        return submitter.submit(signed, origin -> new MarkItem(itemId, b.markType(), b.serial(), b.text(),
                b.component(), b.method(), b.location(), origin), Map.of("itemId", itemId));
    }
}
