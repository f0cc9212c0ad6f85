package org.salwledger.api.transfer;

import org.salwledger.core.chain.NewStreamIds;
import org.salwledger.api.intake.Accepts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.salwledger.core.command.Refusal;
import org.salwledger.api.store.ProtectedFacts;
import org.salwledger.core.transfer.DispatchTransfer;
import org.salwledger.core.transfer.LicenceCommitment;
import org.salwledger.core.transfer.ReceiveTransfer;
import org.salwledger.core.transfer.RejectTransfer;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

import org.salwledger.api.intake.CommandSubmitter;
import org.salwledger.api.intake.EnvelopeVerifier;
@RestController
@RequestMapping(path = "/api/v1/transfers", consumes = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "transfers", description = "Consignments between custodians: signed DSSE envelopes")
public class TransferCommandController {
    /** Beside the envelope: the opening of the signed {@code licenceCommitment} (docs/ledger-format.md §2.2). */
    public static final String LICENCE_OPENING = "Ledger-Licence-Opening";

    private final EnvelopeVerifier verifier;
    private final CommandSubmitter submitter;
    private final ProtectedFacts protectedFacts;

    public TransferCommandController(EnvelopeVerifier verifier, CommandSubmitter submitter,
                                     ProtectedFacts protectedFacts) {
        this.verifier = verifier;
        this.submitter = submitter;
        this.protectedFacts = protectedFacts;
    }

    @Accepts(type = "DispatchTransfer", body = TransferCommands.DispatchTransferBody.class)
    @PostMapping
    @Operation(summary = "DispatchTransfer by the custodian of every item; all or nothing. A STATE_TO_CIVILIAN "
            + "transfer's licenceCommitment comes with its opening in the Ledger-Licence-Opening header")
    public ResponseEntity<byte[]> dispatch(@RequestBody byte[] envelope,
                                           @RequestHeader(name = LICENCE_OPENING, required = false) String opening) {
        var signed = verifier.verify(envelope, "DispatchTransfer", TransferCommands.DispatchTransferBody.class);
        var b = signed.body();
        keepOpening(b.licenceCommitment(), opening);
        String transferId = NewStreamIds.transfer(signed.envelopeHash());
        return submitter.submit(signed, origin -> new DispatchTransfer(transferId, b.itemIds(), b.consignee(), b.kind(),
                b.dueBy(), b.exportLicence(), b.exportLicenceIssuedOn(), b.importingCountry(), b.endUserCertificate(),
                b.transitCountries(), b.licenceCommitment(), origin),
                Map.of("transferId", transferId));
    }

    @Accepts(type = "ReceiveTransfer", body = TransferCommands.ReceiveTransferBody.class)
    @PostMapping("/{transferId}/receipt")
    @Operation(summary = "ReceiveTransfer by the consignee; listed missingItems become LOST")
    public ResponseEntity<byte[]> receive(@PathVariable String transferId, @RequestBody byte[] envelope) {
        var signed = verifier.verify(envelope, "ReceiveTransfer", TransferCommands.ReceiveTransferBody.class);
        samePath(transferId, signed.body().transferId());
        return submitter.submit(signed, origin -> new ReceiveTransfer(transferId, signed.body().missingItems(), origin),
                Map.of("transferId", transferId));
    }

    @Accepts(type = "RejectTransfer", body = TransferCommands.RejectTransferBody.class)
    @PostMapping("/{transferId}/rejection")
    @Operation(summary = "RejectTransfer by the consignee; every item returns to the sender")
    public ResponseEntity<byte[]> reject(@PathVariable String transferId, @RequestBody byte[] envelope) {
        var signed = verifier.verify(envelope, "RejectTransfer", TransferCommands.RejectTransferBody.class);
        samePath(transferId, signed.body().transferId());
        return submitter.submit(signed, origin -> new RejectTransfer(transferId, signed.body().reason(), origin),
                Map.of("transferId", transferId));
    }

    private static void samePath(String path, String payload) {
        if (!path.equals(payload)) {
            throw Refusal.invalid("path-mismatch", "the path names transfer " + path + ", the payload " + payload);
        }
        if (!org.salwledger.core.item.ItemIds.isItemId(path)) {
            throw Refusal.notFound("transfer-not-found", "no transfer " + path);
        }
    }

    /**
     * Sealed and kept before the command, so no recorded commitment lacks its opening; a command then
     * refused leaves a sealed row nothing points to.
     */
    private void keepOpening(String commitment, String header) {
        if (header == null) {
            if (commitment != null) {
                throw Refusal.invalid("licence-opening-missing", "a 'licenceCommitment' needs its opening in the "
                        + LICENCE_OPENING + " header");
            }
            return;
        }
        if (commitment == null) {
            throw Refusal.invalid("licence-opening-unexpected", LICENCE_OPENING
                    + " opens a 'licenceCommitment', and the command has none");
        }
        LicenceCommitment.Opening opening;
        try {
            opening = LicenceCommitment.Opening.decode(header);
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("invalid-field", LICENCE_OPENING + ": " + e.getMessage());
        }
        if (!opening.commitment().equals(commitment)) {
            throw Refusal.unprocessable("licence-opening-mismatch", "the opening in " + LICENCE_OPENING
                    + " does not open the signed 'licenceCommitment'");
        }
        protectedFacts.keep(opening);
    }
}
