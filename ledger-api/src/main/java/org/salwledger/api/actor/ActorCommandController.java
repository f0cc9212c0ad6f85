package org.salwledger.api.actor;

import org.salwledger.api.intake.Accepts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.salwledger.core.command.Refusal;
import org.salwledger.core.actor.ActorStreams;
import org.salwledger.core.actor.CeaseBusiness;
import org.salwledger.core.actor.RegisterActor;
import org.salwledger.core.actor.RevokeActorKey;
import org.salwledger.core.actor.RotateActorKey;
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
@RequestMapping(path = "/api/v1/actors", consumes = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "actors", description = "Actor registry: signed DSSE envelopes")
public class ActorCommandController {
    private final EnvelopeVerifier verifier;
    private final CommandSubmitter submitter;

    public ActorCommandController(EnvelopeVerifier verifier, CommandSubmitter submitter) {
        this.verifier = verifier;
        this.submitter = submitter;
    }

    @Accepts(type = "RegisterActor", body = ActorCommands.RegisterActorBody.class)
    @PostMapping
    @Operation(summary = "RegisterActor (ADMIN)")
    public ResponseEntity<byte[]> register(@RequestBody byte[] envelope) {
        var signed = verifier.verify(envelope, "RegisterActor", ActorCommands.RegisterActorBody.class);
        var body = signed.body();
        String actorId = body.actorId() == null ? "" : body.actorId();
        return submitter.submit(signed, origin -> new RegisterActor(ActorStreams.of(actorId), body.actorId(),
                body.name(), body.role(), body.country(), body.publicKey(), origin), Map.of("actorId", actorId));
    }

    @Accepts(type = "RotateActorKey", body = ActorCommands.RotateActorKeyBody.class)
    @PostMapping("/{actorId}/keys")
    @Operation(summary = "RotateActorKey (ADMIN or the actor itself)")
    public ResponseEntity<byte[]> rotate(@PathVariable String actorId, @RequestBody byte[] envelope) {
        var signed = verifier.verify(envelope, "RotateActorKey", ActorCommands.RotateActorKeyBody.class);
        requireSameActor(actorId, signed.body().actorId());
        return submitter.submit(signed, origin -> new RotateActorKey(ActorStreams.of(actorId), actorId,
                signed.body().publicKey(), origin), Map.of("actorId", actorId));
    }

    @Accepts(type = "RevokeActorKey", body = ActorCommands.RevokeActorKeyBody.class)
    @PostMapping("/{actorId}/keys/{keyId}/revocation")
    @Operation(summary = "RevokeActorKey (ADMIN or the actor itself)")
    public ResponseEntity<byte[]> revoke(@PathVariable String actorId, @PathVariable String keyId,
                                         @RequestBody byte[] envelope) {
        var signed = verifier.verify(envelope, "RevokeActorKey", ActorCommands.RevokeActorKeyBody.class);
        requireSameActor(actorId, signed.body().actorId());
        if (!keyId.equals(signed.body().keyId())) {
            throw Refusal.invalid("path-mismatch", "the path names key " + keyId + ", the payload "
                    + signed.body().keyId());
        }
        return submitter.submit(signed, origin -> new RevokeActorKey(ActorStreams.of(actorId), actorId, keyId,
                signed.body().reason(), origin), Map.of("actorId", actorId));
    }

    @Accepts(type = "CeaseBusiness", body = ActorCommands.CeaseBusinessBody.class)
    @PostMapping("/{actorId}/cessation")
    @Operation(summary = "CeaseBusiness (ITI 13): refused while the actor holds items unless handed to its national AUTHORITY")
    public ResponseEntity<byte[]> cease(@PathVariable String actorId, @RequestBody byte[] envelope) {
        var signed = verifier.verify(envelope, "CeaseBusiness", ActorCommands.CeaseBusinessBody.class);
        requireSameActor(actorId, signed.body().actorId());
        return submitter.submit(signed, origin -> new CeaseBusiness(actorId, signed.body().handOverTo(),
                signed.body().reason(), origin), Map.of("actorId", actorId));
    }

    /** The signed payload, not the URL, is what the actor stated; they must agree. */
    private static void requireSameActor(String pathActor, String payloadActor) {
        if (!pathActor.equals(payloadActor)) {
            throw Refusal.invalid("path-mismatch", "the path names actor " + pathActor + ", the payload "
                    + payloadActor);
        }
    }
}
