package org.salwledger.api.transfer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.salwledger.core.command.Refusal;
import org.salwledger.core.transfer.DispatchTransfer;
import org.salwledger.core.transfer.ReceiveTransfer;
import org.salwledger.core.transfer.RejectTransfer;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.salwledger.api.intake.CommandSubmitter;
import org.salwledger.api.intake.EnvelopeVerifier;
@RestController
@RequestMapping(path = "/api/v1/transfers", consumes = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "transfers", description = "Consignments between custodians: signed DSSE envelopes")
public class TransferCommandController {
    private final EnvelopeVerifier verifier;
    private final CommandSubmitter submitter;

    public TransferCommandController(EnvelopeVerifier verifier, CommandSubmitter submitter) {
        this.verifier = verifier;
        this.submitter = submitter;
    }

    @PostMapping
    @Operation(summary = "DispatchTransfer by the custodian of every item; all or nothing")
    public ResponseEntity<byte[]> dispatch(@RequestBody byte[] envelope) {
        var signed = verifier.verify(envelope, "DispatchTransfer", TransferCommands.DispatchTransferBody.class);
        var b = signed.body();
        String transferId = UUID.nameUUIDFromBytes(("transfer:" + signed.envelopeHash()).getBytes(StandardCharsets.UTF_8))
                .toString();
        return submitter.submit(signed, origin -> new DispatchTransfer(transferId, b.itemIds(), b.consignee(), b.kind(),
                b.dueBy(), b.exportLicence(), b.exportLicenceIssuedOn(), b.importingCountry(), b.endUserCertificate(),
                b.transitCountries(), origin),
                Map.of("transferId", transferId));
    }

    @PostMapping("/{transferId}/receipt")
    @Operation(summary = "ReceiveTransfer by the consignee; listed missingItems become LOST")
    public ResponseEntity<byte[]> receive(@PathVariable String transferId, @RequestBody byte[] envelope) {
        var signed = verifier.verify(envelope, "ReceiveTransfer", TransferCommands.ReceiveTransferBody.class);
        samePath(transferId, signed.body().transferId());
        return submitter.submit(signed, origin -> new ReceiveTransfer(transferId, signed.body().missingItems(), origin),
                Map.of("transferId", transferId));
    }

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
}
