package org.salwledger.api.item;

import org.salwledger.api.intake.Accepts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.salwledger.core.command.Refusal;
import org.salwledger.core.composition.AssemblePart;
import org.salwledger.core.composition.DetachPart;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

import org.salwledger.api.intake.CommandSubmitter;
import org.salwledger.api.intake.EnvelopeVerifier;
@RestController
@RequestMapping(path = "/api/v1/items/{hostId}/parts", consumes = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "items")
public class CompositionController {
    private final EnvelopeVerifier verifier;
    private final CommandSubmitter submitter;

    /** Both commands name the host and the part. */
    public record PartBody(String hostId, String partId) {}

    public CompositionController(EnvelopeVerifier verifier, CommandSubmitter submitter) {
        this.verifier = verifier;
        this.submitter = submitter;
    }

    @Accepts(type = "AssemblePart", body = PartBody.class)
    @PostMapping
    @Operation(summary = "AssemblePart: install a part in a host held by the same custodian")
    public ResponseEntity<byte[]> assemble(@PathVariable String hostId, @RequestBody byte[] envelope) {
        ItemPaths.require(hostId);
        var signed = verifier.verify(envelope, "AssemblePart", PartBody.class);
        sameHost(hostId, signed.body());
        String partId = signed.body().partId();
        return submitter.submit(signed, origin -> new AssemblePart(hostId, partId, origin),
                Map.of("hostId", hostId, "partId", String.valueOf(partId)));
    }

    @Accepts(type = "DetachPart", body = PartBody.class)
    @PostMapping("/{partId}/removal")
    @Operation(summary = "DetachPart: remove a part from its host")
    public ResponseEntity<byte[]> detach(@PathVariable String hostId, @PathVariable String partId,
                                         @RequestBody byte[] envelope) {
        ItemPaths.require(hostId);
        var signed = verifier.verify(envelope, "DetachPart", PartBody.class);
        sameHost(hostId, signed.body());
        if (!partId.equals(signed.body().partId())) {
            throw Refusal.invalid("path-mismatch", "the path names part " + partId + ", the payload "
                    + signed.body().partId());
        }
        return submitter.submit(signed, origin -> new DetachPart(hostId, partId, origin),
                Map.of("hostId", hostId, "partId", partId));
    }

    private static void sameHost(String hostId, PartBody body) {
        if (!hostId.equals(body.hostId())) {
            throw Refusal.invalid("path-mismatch", "the path names host " + hostId + ", the payload " + body.hostId());
        }
    }
}
