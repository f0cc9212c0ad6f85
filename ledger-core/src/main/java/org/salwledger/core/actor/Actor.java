package org.salwledger.core.actor;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.salwledger.core.command.AggregateComponents;
import org.salwledger.core.chain.ChainHead;
import org.salwledger.core.command.CommandOrigin;
import org.salwledger.core.command.Refusal;
import org.salwledger.core.command.Require;
import org.salwledger.core.crypto.KeyIds;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.salwledger.core.command.Role;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A registered actor and its keys. Registration, rotation and revocation are ledger records. */
@Aggregate(snapshotTriggerDefinition = AggregateComponents.SNAPSHOT_TRIGGER, cache = AggregateComponents.CACHE)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Actor {
    private static final Pattern ACTOR_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    @AggregateIdentifier
    private String stream;
    private String actorId;
    private Set<String> activeKeyIds = new LinkedHashSet<>();
    private Set<String> retiredKeyIds = new LinkedHashSet<>();
    private boolean ceased;
    private ChainHead chain;

    protected Actor() {
    }

    @CommandHandler
    public Actor(RegisterActor command, ActorDirectory directory) {
        CommandOrigin origin = command.origin();
        Require.role(origin, Role.ADMIN);
        String actorId = Require.text(command.actorId(), "actorId", 64);
        if (!ACTOR_ID.matcher(actorId).matches()) {
            throw Refusal.unprocessable("invalid-field",
                    "'actorId' must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        String name = Require.text(command.name(), "name", 200);
        Role role = Require.present(command.role(), "role");
        String country = Require.country(command.country(), "country");
        byte[] publicKey = PublicKeys.decode(command.publicKey());
        String keyId = KeyIds.of(publicKey);
        Instant validFrom = origin.issuedAt();

        directory.register(new ActorEntry(actorId, name, role, country));
        directory.addKey(actorId, keyId, publicKey, validFrom);
        apply(ChainHead.start(command.stream()).seal(link -> new ActorRegistered(actorId, name, role, country,
                command.publicKey(), keyId, validFrom.toString(), origin.actorId(), link), origin));
    }

    @CommandHandler
    public void handle(RotateActorKey command, ActorDirectory directory) {
        CommandOrigin origin = command.origin();
        requireAdminOrSelf(origin);
        byte[] publicKey = PublicKeys.decode(command.publicKey());
        String keyId = KeyIds.of(publicKey);
        Instant from = origin.issuedAt();
        List<String> retiring = new ArrayList<>(activeKeyIds);
        retiring.forEach(old -> directory.retireKey(old, from));
        directory.addKey(actorId, keyId, publicKey, from);
        apply(chain.seal(link -> new ActorKeyRotated(actorId, command.publicKey(), keyId, from.toString(),
                List.copyOf(retiring), origin.actorId(), link), origin));
    }

    @CommandHandler
    public void handle(RevokeActorKey command, ActorDirectory directory) {
        CommandOrigin origin = command.origin();
        requireAdminOrSelf(origin);
        String keyId = Require.text(command.keyId(), "keyId", 64);
        if (!activeKeyIds.contains(keyId) && !retiredKeyIds.contains(keyId)) {
            throw Refusal.notFound("unknown-key", "actor " + actorId + " has no key " + keyId);
        }
        String reason = Require.optionalText(command.reason(), "reason", 500);
        directory.revokeKey(keyId, origin.recordedAt());
        apply(chain.seal(link -> new ActorKeyRevoked(actorId, keyId, reason, origin.recordedAtText(),
                origin.actorId(), link), origin));
    }

    @CommandHandler
    public void handle(CloseActor command, ActorDirectory directory) {
        CommandOrigin origin = command.origin();
        requireAdminOrSelf(origin);
        if (ceased) {
            throw Refusal.conflict("actor-ceased", "actor " + actorId + " already ceased business");
        }
        List<String> revoked = new ArrayList<>(activeKeyIds);
        revoked.addAll(retiredKeyIds);
        revoked.forEach(keyId -> directory.revokeKey(keyId, origin.recordedAt()));
        apply(chain.seal(link -> new ActorCeasedBusiness(actorId, command.handedOverTo(), command.itemCount(),
                command.reason(), List.copyOf(revoked), origin.actorId(), link), origin));
    }

    private void requireAdminOrSelf(CommandOrigin origin) {
        if (origin.role() != Role.ADMIN && !origin.actorId().equals(actorId)) {
            throw Refusal.forbidden("role-not-allowed",
                    "only an ADMIN or the actor itself may change the keys of " + actorId);
        }
    }

    @EventSourcingHandler
    void on(ActorRegistered event) {
        stream = event.link().stream();
        actorId = event.actorId();
        activeKeyIds.add(event.keyId());
        chain = ChainHead.start(stream).after(event.link());
    }

    @EventSourcingHandler
    void on(ActorKeyRotated event) {
        activeKeyIds.removeAll(event.retiredKeyIds());
        retiredKeyIds.addAll(event.retiredKeyIds());
        activeKeyIds.add(event.keyId());
        chain = chain.after(event.link());
    }

    @EventSourcingHandler
    void on(ActorCeasedBusiness event) {
        ceased = true;
        activeKeyIds.clear();
        retiredKeyIds.clear();
        chain = chain.after(event.link());
    }

    @EventSourcingHandler
    void on(ActorKeyRevoked event) {
        activeKeyIds.remove(event.keyId());
        retiredKeyIds.remove(event.keyId());
        chain = chain.after(event.link());
    }
}
