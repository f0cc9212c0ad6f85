package org.salwledger.core.identity;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.salwledger.core.command.Refusal;
import org.salwledger.core.item.Item;
import org.salwledger.core.item.ItemLoader;
import org.salwledger.core.item.command.LinkIdentity;
import org.salwledger.core.item.command.RecordIdentityLink;

/** Records a LinkIdentity on both streams in one unit of work. */
public class IdentityLinkProcess {
    private final ItemLoader items;

    public IdentityLinkProcess(ItemLoader items) {
        this.items = items;
    }

    @CommandHandler
    public void handle(LinkIdentity command) {
        if (command.knownItemId() == null || command.knownItemId().equals(command.unmarkedItemId())) {
            throw Refusal.unprocessable("invalid-field", "link two different items");
        }
        Aggregate<Item> unmarked = items.load(command.unmarkedItemId());
        Aggregate<Item> known = items.load(command.knownItemId());
        unmarked.execute(i -> i.handle(new RecordIdentityLink(command.unmarkedItemId(), command.knownItemId(), true,
                command.evidence(), command.origin())));
        known.execute(i -> i.handle(new RecordIdentityLink(command.knownItemId(), command.unmarkedItemId(), false,
                command.evidence(), command.origin())));
    }
}
