package org.salwledger.core.transfer;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.salwledger.core.actor.ActorDirectory;
import org.salwledger.core.actor.ActorEntry;
import org.salwledger.core.command.CommandOrigin;
import org.salwledger.core.command.DomainRuleViolation;
import org.salwledger.core.command.ItemRefusal;
import org.salwledger.core.item.DispatchItem;
import org.salwledger.core.item.ItemIds;
import org.salwledger.core.item.ReceiveItem;
import org.salwledger.core.item.RecordMissingItem;
import org.salwledger.core.item.ReturnItem;

import java.util.ArrayList;
import java.util.List;

/**
 * Carries a transfer across the Transfer and its items in one unit of work: the nested commands
 * join the signed command's transaction, so a consignment moves whole or not at all.
 */
public class TransferProcess {
    private final CommandGateway gateway;
    private final ActorDirectory directory;

    public TransferProcess(CommandGateway gateway, ActorDirectory directory) {
        this.gateway = gateway;
        this.directory = directory;
    }

    @CommandHandler
    public void handle(DispatchTransfer command) {
        ActorEntry consignee = directory.actor(command.consignee() == null ? "" : command.consignee())
                .orElseThrow(() -> DomainRuleViolation.unprocessable("unknown-consignee",
                        "no registered actor " + command.consignee()));
        TransferRules.check(command, consignee);
        List<ItemRefusal> refusals = new ArrayList<>();
        for (String itemId : command.itemIds()) {
            if (!ItemIds.isItemId(itemId)) {
                refusals.add(new ItemRefusal(itemId, "item-not-found", "no item " + itemId));
                continue;
            }
            try {
                gateway.sendAndWait(new DispatchItem(itemId, command.transferId(), consignee.actorId(), command.origin()));
            } catch (RuntimeException e) {
                refusals.add(refusal(itemId, e));
            }
        }
        if (!refusals.isEmpty()) {
            throw new DispatchRefused(refusals);
        }
        gateway.sendAndWait(new OpenTransfer(command.transferId(), command, consignee));
    }

    @CommandHandler
    public void handle(ReceiveTransfer command) {
        TransferItems items = gateway.sendAndWait(new ConfirmReceipt(command.transferId(), command));
        CommandOrigin origin = command.origin();
        items.arrived().forEach(id -> gateway.sendAndWait(new ReceiveItem(id, command.transferId(),
                items.consigneeCountry(), origin)));
        items.missing().forEach(id -> gateway.sendAndWait(new RecordMissingItem(id, command.transferId(), origin)));
    }

    @CommandHandler
    public void handle(RejectTransfer command) {
        TransferItems items = gateway.sendAndWait(new ConfirmRejection(command.transferId(), command));
        items.arrived().forEach(id -> gateway.sendAndWait(new ReturnItem(id, command.transferId(), command.origin())));
    }

    private static ItemRefusal refusal(String itemId, RuntimeException e) {
        Throwable cause = e.getCause() != null && !(e instanceof DomainRuleViolation) ? e.getCause() : e;
        if (cause instanceof DomainRuleViolation violation) {
            return new ItemRefusal(itemId, violation.code(), violation.getMessage());
        }
        if (cause instanceof AggregateNotFoundException || e instanceof AggregateNotFoundException) {
            return new ItemRefusal(itemId, "item-not-found", "no item " + itemId);
        }
        throw e;
    }
}
