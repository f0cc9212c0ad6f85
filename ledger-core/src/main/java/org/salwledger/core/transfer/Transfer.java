package org.salwledger.core.transfer;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.salwledger.core.actor.ActorEntry;
import org.salwledger.core.chain.ChainHead;
import org.salwledger.core.command.AggregateComponents;
import org.salwledger.core.command.CommandOrigin;
import org.salwledger.core.command.Refusal;
import org.salwledger.core.command.Require;
import org.salwledger.core.item.description.TransferKind;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A consignment from a custodian to a consignee, in two phases: dispatched, then received or
 * rejected once. The items' own streams record the transfer by reference to this stream.
 */
@Aggregate(cache = AggregateComponents.CACHE)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Transfer {
    public static final int MAX_ITEMS = 10_000;

    @AggregateIdentifier
    private String transferId;
    private TransferKind kind;
    private String sender;
    private String senderCountry;
    private String consignee;
    private String consigneeCountry;
    private List<String> itemIds;
    private TransferState state;
    private ChainHead chain;

    protected Transfer() {
    }

    @CommandHandler
    public Transfer(OpenTransfer command) {
        DispatchTransfer d = command.dispatch();
        CommandOrigin origin = d.origin();
        ActorEntry to = command.consignee();
        TransferRules.check(d, to);
        List<String> items = d.itemIds();
        TransferKind kind = d.kind();
        LocalDate dueBy = d.dueBy();
        String licence = d.exportLicence();
        String importing = d.importingCountry();
        String euc = d.endUserCertificate();
        List<String> transit = TransferRules.transit(d);
        apply(ChainHead.start(command.transferId()).seal(link -> new TransferDispatched(command.transferId(), kind,
                origin.actorId(), origin.country(), to.actorId(), to.country(), List.copyOf(items), dueBy, licence, d.exportLicenceIssuedOn(),
                importing, euc, transit, d.licenceCommitment(), link), origin));
    }

    @CommandHandler
    public TransferItems handle(ConfirmReceipt command) {
        ReceiveTransfer receipt = command.receipt();
        requireOpenAndConsignee(receipt.origin());
        List<String> missing = receipt.missingItems() == null ? List.of() : List.copyOf(new LinkedHashSet<>(receipt.missingItems()));
        Set<String> listed = new HashSet<>(itemIds);
        List<String> strangers = missing.stream().filter(id -> !listed.contains(id)).toList();
        if (!strangers.isEmpty()) {
            throw Refusal.unprocessable("item-not-in-transfer",
                    "items reported missing that this transfer does not carry: " + strangers);
        }
        Set<String> missingSet = new HashSet<>(missing);
        List<String> arrived = new ArrayList<>(itemIds.size());
        itemIds.stream().filter(id -> !missingSet.contains(id)).forEach(arrived::add);
        apply(chain.seal(link -> new TransferReceived(transferId, consignee, arrived.size(), missing, link),
                receipt.origin()));
        return new TransferItems(kind, sender, senderCountry, consignee, consigneeCountry, arrived, missing);
    }

    @CommandHandler
    public TransferItems handle(ConfirmRejection command) {
        RejectTransfer rejection = command.rejection();
        requireOpenAndConsignee(rejection.origin());
        String reason = Require.text(rejection.reason(), "reason", 1000);
        apply(chain.seal(link -> new TransferRejected(transferId, consignee, reason, link), rejection.origin()));
        return new TransferItems(kind, sender, senderCountry, consignee, consigneeCountry, List.copyOf(itemIds), List.of());
    }

    private void requireOpenAndConsignee(CommandOrigin origin) {
        if (state == null) {
            throw Refusal.notFound("transfer-not-found", "no transfer with this id");
        }
        if (!origin.actorId().equals(consignee)) {
            throw Refusal.forbidden("not-consignee", "only the consignee " + consignee
                    + " may receive or reject transfer " + transferId);
        }
        if (state != TransferState.DISPATCHED) {
            throw Refusal.conflict("transfer-closed", "transfer " + transferId + " was already " + state);
        }
    }

    @EventSourcingHandler
    void on(TransferDispatched event) {
        transferId = event.transferId();
        kind = event.kind();
        sender = event.sender();
        senderCountry = event.senderCountry();
        consignee = event.consignee();
        consigneeCountry = event.consigneeCountry();
        itemIds = event.itemIds();
        state = TransferState.DISPATCHED;
        chain = ChainHead.start(transferId).after(event.link());
    }

    @EventSourcingHandler
    void on(TransferReceived event) {
        state = TransferState.RECEIVED;
        chain = chain.after(event.link());
    }

    @EventSourcingHandler
    void on(TransferRejected event) {
        state = TransferState.REJECTED;
        chain = chain.after(event.link());
    }
}
