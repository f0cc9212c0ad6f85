package org.salwledger.core.cessation;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.salwledger.core.actor.Actor;
import org.salwledger.core.actor.ActorDirectory;
import org.salwledger.core.actor.ActorEntry;
import org.salwledger.core.actor.ActorStreams;
import org.salwledger.core.actor.CeaseBusiness;
import org.salwledger.core.actor.CloseActor;
import org.salwledger.core.actor.CustodyRegister;
import org.salwledger.core.command.Refusal;
import org.salwledger.core.command.Require;
import org.salwledger.core.command.Role;
import org.salwledger.core.item.Item;
import org.salwledger.core.item.ItemLoader;
import org.salwledger.core.item.command.HandOverCustody;

import java.util.List;
import java.util.Map;

/** ITI 13: hands a closing actor's items to its national authority, then closes the actor, in one unit of work. */
public class CessationProcess {
    private final ActorDirectory directory;
    private final CustodyRegister custody;
    private final ItemLoader items;
    private final Repository<Actor> actors;

    public CessationProcess(ActorDirectory directory, CustodyRegister custody, ItemLoader items, Repository<Actor> actors) {
        this.directory = directory;
        this.custody = custody;
        this.items = items;
        this.actors = actors;
    }

    @CommandHandler
    public void handle(CeaseBusiness command) {
        ActorEntry actor = directory.actor(command.actorId() == null ? "" : command.actorId())
                .orElseThrow(() -> Refusal.notFound("actor-not-found", "no actor " + command.actorId()));
        if (command.origin().role() != Role.ADMIN && !command.origin().actorId().equals(actor.actorId())) {
            throw Refusal.forbidden("role-not-allowed", "only an ADMIN or the actor itself records its cessation");
        }
        Require.text(command.reason(), "reason", 1000);
        List<String> held = custody.itemsHeldBy(actor.actorId());
        if (!held.isEmpty() && command.handOverTo() == null) {
            throw Refusal.conflict("actor-still-holds-items", actor.actorId() + " still holds " + held.size()
                    + " item(s); transfer them first or name the national authority in 'handOverTo'");
        }
        if (command.handOverTo() != null) {
            ActorEntry authority = directory.actor(command.handOverTo()).orElseThrow(() ->
                    Refusal.unprocessable("unknown-consignee", "no actor " + command.handOverTo()));
            if (authority.role() != Role.AUTHORITY || !authority.country().equals(actor.country())) {
                throw Refusal.unprocessable("invalid-consignee",
                        "records go to an AUTHORITY of " + actor.country() + ", not to " + authority.actorId());
            }
            Map<String, Aggregate<Item>> loaded = items.loadAll(held);
            loaded.forEach((id, item) -> item.execute(i -> i.handle(new HandOverCustody(id, actor.actorId(),
                    authority.actorId(), authority.country(), command.origin()))));
        }
        try {
            actors.load(ActorStreams.of(actor.actorId())).execute(a -> a.handle(new CloseActor(ActorStreams.of(actor.actorId()),
                    actor.actorId(), command.handOverTo(), held.size(), command.reason(), command.origin()), directory));
        } catch (AggregateNotFoundException e) {
            throw Refusal.notFound("actor-not-found", "no actor " + command.actorId());
        }
    }
}
