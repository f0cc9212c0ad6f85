package org.salwledger.api.evidence;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.salwledger.api.auth.Reader;
import org.salwledger.api.item.ItemPaths;
import org.salwledger.api.read.ReadAccess;
import org.salwledger.core.command.Refusal;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Evidence bundles: one file that proves an item's custody chain offline ({@code ledger verify-bundle}). */
@RestController
@Tag(name = "items")
public class EvidenceController {
    private final EvidenceBundles bundles;
    private final ReadAccess access;

    public EvidenceController(EvidenceBundles bundles, ReadAccess access) {
        this.bundles = bundles;
        this.access = access;
    }

    @GetMapping(path = "/api/v1/items/{itemId}/evidence", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The item's evidence bundle: its records, its linked identities' and parts' records, the "
            + "signers' actor records, their envelopes and an inclusion proof for each against the published "
            + "(witness-cosigned) checkpoint; canonical JSON, verified offline by `ledger verify-bundle`")
    public ResponseEntity<byte[]> item(@PathVariable String itemId, Reader reader) {
        ItemPaths.require(itemId);
        if (!access.canRead(reader, itemId)) {
            throw Refusal.notFound("item-not-found", "no item " + itemId + " that you may read");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"evidence-" + itemId + ".json\"")
                .body(bundles.forItem(itemId, reader));
    }
}
