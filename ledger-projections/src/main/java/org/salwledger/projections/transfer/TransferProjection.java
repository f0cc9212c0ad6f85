package org.salwledger.projections.transfer;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.salwledger.core.transfer.TransferDispatched;
import org.salwledger.core.transfer.TransferReceived;
import org.salwledger.core.transfer.TransferRejected;
import org.salwledger.projections.LedgerViews;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Transfers with their parties, references, state, items and the hashes of their records. */
@Component
@ProcessingGroup(LedgerViews.PROCESSING_GROUP)
public class TransferProjection {
    private final JdbcTemplate jdbc;

    public TransferProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TransferDispatched e) {
        jdbc.update("DELETE FROM transfer_item WHERE transfer_id = ?", e.transferId());
        jdbc.update("DELETE FROM transfer_view WHERE transfer_id = ?", e.transferId());
        jdbc.update("""
                INSERT INTO transfer_view (transfer_id, kind, sender, sender_country, consignee, consignee_country, state,
                  due_by, export_licence, export_licence_issued_on, importing_country, end_user_certificate,
                  transit_countries, item_count, dispatched_at, dispatch_hash, licence_commitment)
                VALUES (?, ?, ?, ?, ?, ?, 'DISPATCHED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                e.transferId(), e.kind().name(), e.sender(), e.senderCountry(), e.consignee(), e.consigneeCountry(),
                e.dueBy().toString(), e.exportLicence(),
                e.exportLicenceIssuedOn() == null ? null : e.exportLicenceIssuedOn().toString(), e.importingCountry(),
                e.endUserCertificate(),
                String.join(",", e.transitCountries()), e.itemIds().size(), e.link().recordedAt(), e.link().hash(),
                e.licenceCommitment());
        List<Object[]> rows = new ArrayList<>(e.itemIds().size());
        for (int i = 0; i < e.itemIds().size(); i++) {
            rows.add(new Object[] {e.transferId(), i, e.itemIds().get(i)});
        }
        jdbc.batchUpdate("INSERT INTO transfer_item (transfer_id, position, item_id, outcome) VALUES (?, ?, ?, 'IN_TRANSIT')", rows);
    }

    @EventHandler
    void on(TransferReceived e) {
        jdbc.update("UPDATE transfer_view SET state = 'RECEIVED', closed_at = ?, closing_hash = ?, missing_count = ? "
                + "WHERE transfer_id = ?", e.link().recordedAt(), e.link().hash(), e.missingItems().size(), e.transferId());
        jdbc.update("UPDATE transfer_item SET outcome = 'RECEIVED' WHERE transfer_id = ?", e.transferId());
        Set<String> missing = new HashSet<>(e.missingItems());
        if (!missing.isEmpty()) {
            jdbc.batchUpdate("UPDATE transfer_item SET outcome = 'MISSING' WHERE transfer_id = ? AND item_id = ?",
                    missing.stream().map(id -> new Object[] {e.transferId(), id}).toList());
        }
    }

    @EventHandler
    void on(TransferRejected e) {
        jdbc.update("UPDATE transfer_view SET state = 'REJECTED', closed_at = ?, closing_hash = ?, reject_reason = ? "
                + "WHERE transfer_id = ?", e.link().recordedAt(), e.link().hash(), e.reason(), e.transferId());
        jdbc.update("UPDATE transfer_item SET outcome = 'RETURNED' WHERE transfer_id = ?", e.transferId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE TABLE transfer_item");
        jdbc.update("TRUNCATE TABLE transfer_view");
    }
}
