package org.salwledger.core.consignment;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.salwledger.core.actor.ActorDirectory;
import org.salwledger.core.actor.ActorEntry;
import org.salwledger.core.command.CommandOrigin;
import org.salwledger.core.command.ItemRefusal;
import org.salwledger.core.command.Refusal;
import org.salwledger.core.item.Item;
import org.salwledger.core.item.ItemLoader;
import org.salwledger.core.item.command.DispatchItem;
import org.salwledger.core.item.command.ReceiveItem;
import org.salwledger.core.item.command.RecordMissingItem;
import org.salwledger.core.item.command.ReturnItem;
import org.salwledger.core.transfer.ConfirmReceipt;
import org.salwledger.core.transfer.ConfirmRejection;
import org.salwledger.core.transfer.DispatchRefused;
import org.salwledger.core.transfer.DispatchTransfer;
import org.salwledger.core.transfer.OpenTransfer;
import org.salwledger.core.transfer.ReceiveTransfer;
import org.salwledger.core.transfer.RejectTransfer;
import org.salwledger.core.transfer.Transfer;
import org.salwledger.core.transfer.TransferItems;
import org.salwledger.core.transfer.TransferRules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Carries a transfer across the Transfer and its items in the signed command's one unit of work, so
 * a consignment moves whole or not at all. The aggregates' own command handlers are called on the
 * loaded aggregates rather than dispatched as nested commands, and every item is loaded before any
 * event is applied: Axon scans the unit of work's staged events on each load and each nested commit
 * with linear searches, which made a 10,000-item transfer take minutes.
 */
public class TransferProcess {
    private final ItemLoader items;
    private final Repository<Transfer> transfers;
    private final ActorDirectory directory;

    public TransferProcess(ItemLoader items, Repository<Transfer> transfers, ActorDirectory directory) {
        this.items = items;
        this.transfers = transfers;
        this.directory = directory;
    }

    @CommandHandler
    public void handle(DispatchTransfer command) throws Exception {
        ActorEntry consignee = directory.actor(command.consignee() == null ? "" : command.consignee())
                .orElseThrow(() -> Refusal.unprocessable("unknown-consignee",
                        "no registered actor " + command.consignee()));
        TransferRules.check(command, consignee);
        List<ItemRefusal> refusals = new ArrayList<>();
        Map<String, Aggregate<Item>> loaded = new LinkedHashMap<>();
        items.prefetch(command.itemIds());
        for (String itemId : command.itemIds()) {
            try {
                loaded.put(itemId, items.load(itemId));
            } catch (Refusal e) {
                refusals.add(new ItemRefusal(itemId, e.code(), e.getMessage()));
            }
        }
        Map<String, ItemLoader.Follower> parts = items.partsInside(loaded);
        loaded.forEach((itemId, aggregate) -> dispatch(aggregate, itemId, null, command, consignee, refusals));
        parts.forEach((partId, f) -> dispatch(f.part(), partId, f.hostId(), command, consignee, refusals));
        if (!refusals.isEmpty()) {
            throw new DispatchRefused(refusals);
        }
        transfers.newInstance(() -> new Transfer(new OpenTransfer(command.transferId(), command, consignee)));
    }

    private static void dispatch(Aggregate<Item> aggregate, String itemId, String withHost, DispatchTransfer command,
                                 ActorEntry consignee, List<ItemRefusal> refusals) {
        try {
            aggregate.execute(item -> item.handle(new DispatchItem(itemId, command.transferId(), consignee.actorId(),
                    withHost, command.origin())));
        } catch (Refusal e) {
            refusals.add(new ItemRefusal(itemId, e.code(), e.getMessage()));
        }
    }

    @CommandHandler
    public void handle(ReceiveTransfer command) {
        TransferItems moved = transfer(command.transferId())
                .invoke(t -> t.handle(new ConfirmReceipt(command.transferId(), command)));
        CommandOrigin origin = command.origin();
        Map<String, Aggregate<Item>> arrived = withParts(items.loadAll(moved.arrived()));
        Map<String, Aggregate<Item>> missing = withParts(items.loadAll(moved.missing()));
        arrived.forEach((id, item) -> item.execute(i -> i.handle(new ReceiveItem(id, command.transferId(),
                moved.kind(), moved.senderCountry(), moved.consigneeCountry(), origin))));
        missing.forEach((id, item) -> item.execute(i -> i.handle(new RecordMissingItem(id, command.transferId(), origin))));
    }

    @CommandHandler
    public void handle(RejectTransfer command) {
        TransferItems moved = transfer(command.transferId())
                .invoke(t -> t.handle(new ConfirmRejection(command.transferId(), command)));
        withParts(items.loadAll(moved.arrived())).forEach((id, item) -> item.execute(i -> i.handle(new ReturnItem(id,
                command.transferId(), command.origin()))));
    }

    /** Installed parts travel with their hosts: they close the transfer with them. */
    private Map<String, Aggregate<Item>> withParts(Map<String, Aggregate<Item>> hosts) {
        Map<String, Aggregate<Item>> all = new LinkedHashMap<>(hosts);
        items.partsInside(hosts).forEach((partId, follower) -> all.put(partId, follower.part()));
        return all;
    }

    private Aggregate<Transfer> transfer(String transferId) {
        try {
            return transfers.load(transferId);
        } catch (AggregateNotFoundException e) {
            throw Refusal.notFound("transfer-not-found", "no transfer " + transferId);
        }
    }
}
