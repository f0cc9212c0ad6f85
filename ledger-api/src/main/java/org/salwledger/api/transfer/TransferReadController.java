package org.salwledger.api.transfer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.salwledger.core.command.Refusal;
import org.salwledger.api.auth.Reader;
import org.salwledger.projections.transfer.TransferQueries;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A transfer is visible to its sender and consignee, to AUTHORITY actors of either country, and to
 * INVESTIGATOR, LAW_ENFORCEMENT and AUDITOR.
 */
@RestController
@RequestMapping("/api/v1/transfers")
@Tag(name = "transfers")
public class TransferReadController {
    private final TransferQueries transfers;

    public TransferReadController(TransferQueries transfers) {
        this.transfers = transfers;
    }

    @GetMapping("/{transferId}")
    @Operation(summary = "Items, parties, references, state and record hashes of a transfer")
    public TransferQueries.TransferView transfer(@PathVariable String transferId, Reader reader) {
        return transfers.find(transferId).filter(t -> visible(t, reader)).orElseThrow(() ->
                Refusal.notFound("transfer-not-found", "no transfer " + transferId + " that you may read"));
    }

    private static boolean visible(TransferQueries.TransferView t, Reader reader) {
        return switch (reader.role()) {
            case INVESTIGATOR, LAW_ENFORCEMENT, AUDITOR -> true;
            case AUTHORITY -> reader.country().equals(t.senderCountry()) || reader.country().equals(t.consigneeCountry());
            case ADMIN -> false;
            default -> reader.actorId().equals(t.sender()) || reader.actorId().equals(t.consignee());
        };
    }
}
