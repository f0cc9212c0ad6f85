package org.salwledger.api.transfer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.salwledger.core.command.Refusal;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.salwledger.api.auth.Reader;
import org.salwledger.api.store.ProtectedFacts;
import org.salwledger.core.command.Role;
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
    private final ProtectedFacts protectedFacts;

    /**
     * The transfer, and the civilian licence reference its commitment opens to: shown to the parties,
     * the authorities of their States, investigators and law enforcement; to anyone else (an auditor),
     * {@code null} beside the commitment.
     */
    public record TransferRead(@JsonUnwrapped TransferQueries.TransferView transfer, String licenceReference) {}

    public TransferReadController(TransferQueries transfers, ProtectedFacts protectedFacts) {
        this.transfers = transfers;
        this.protectedFacts = protectedFacts;
    }

    @GetMapping("/{transferId}")
    @Operation(summary = "Items, parties, references, state and record hashes of a transfer")
    public TransferRead transfer(@PathVariable String transferId, Reader reader) {
        TransferQueries.TransferView view = transfers.find(transferId).filter(t -> visible(t, reader)).orElseThrow(() ->
                Refusal.notFound("transfer-not-found", "no transfer " + transferId + " that you may read"));
        return new TransferRead(view, mayReadLicence(view, reader)
                ? protectedFacts.licenceReference(view.licenceCommitment()).orElse(null) : null);
    }

    private static boolean mayReadLicence(TransferQueries.TransferView t, Reader reader) {
        return reader.role() != Role.AUDITOR && visible(t, reader);
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
