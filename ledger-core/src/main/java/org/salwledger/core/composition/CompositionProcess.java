package org.salwledger.core.composition;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.salwledger.core.command.CommandOrigin;
import org.salwledger.core.command.Refusal;
import org.salwledger.core.item.Item;
import org.salwledger.core.item.ItemLoader;
import org.salwledger.core.item.command.AttachPart;
import org.salwledger.core.item.command.EnterHost;
import org.salwledger.core.item.command.LeaveHost;
import org.salwledger.core.item.command.ReleasePart;

import java.util.HashSet;
import java.util.Set;

/**
 * Assembles and detaches modular parts: one record on the host's stream and one on the part's, in
 * the same unit of work. Works whichever component carries the weapon's identity: a frame, a
 * receiver, or a fire-control unit that moves between frames.
 */
public class CompositionProcess {
    private final ItemLoader items;

    public CompositionProcess(ItemLoader items) {
        this.items = items;
    }

    @CommandHandler
    public void handle(AssemblePart command) {
        CommandOrigin origin = command.origin();
        if (command.hostId() == null || command.hostId().equals(command.partId())) {
            throw Refusal.unprocessable("assembly-cycle", "an item cannot be installed in itself");
        }
        Aggregate<Item> host = items.load(command.hostId());
        Aggregate<Item> part = items.load(command.partId());
        requireNoCycle(host, command.partId());
        host.execute(h -> h.handle(new AttachPart(command.hostId(), command.partId(), origin)));
        part.execute(p -> p.handle(new EnterHost(command.partId(), command.hostId(), origin)));
    }

    @CommandHandler
    public void handle(DetachPart command) {
        Aggregate<Item> host = items.load(command.hostId());
        Aggregate<Item> part = items.load(command.partId());
        host.execute(h -> h.handle(new ReleasePart(command.hostId(), command.partId(), command.origin())));
        part.execute(p -> p.handle(new LeaveHost(command.partId(), command.hostId(), command.origin())));
    }

    /** The part may not be the host's host, or its host's host, and so on. */
    private void requireNoCycle(Aggregate<Item> host, String partId) {
        Set<String> seen = new HashSet<>();
        String ancestor = host.invoke(Item::installedIn);
        while (ancestor != null && seen.add(ancestor)) {
            if (ancestor.equals(partId)) {
                throw Refusal.unprocessable("assembly-cycle",
                        "item " + partId + " already contains the host; installing it would make a cycle");
            }
            ancestor = items.load(ancestor).invoke(Item::installedIn);
        }
    }
}
