package org.salwledger.projections.transfer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

@Component
public class TransferQueries {
    private final JdbcTemplate jdbc;

    public record TransferItem(String itemId, String outcome) {}

    public record TransferView(String transferId, String kind, String sender, String senderCountry, String consignee,
                               String consigneeCountry, String state, String dueBy, String exportLicence,
                               String exportLicenceIssuedOn, String importingCountry, String endUserCertificate, List<String> transitCountries,
                               int itemCount, int missingCount, String dispatchedAt, String dispatchHash,
                               String closedAt, String closingHash, String rejectReason, String licenceCommitment,
                               List<TransferItem> items) {}

    public TransferQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<TransferView> find(String transferId) {
        List<TransferItem> items = jdbc.query("SELECT item_id, outcome FROM transfer_item WHERE transfer_id = ? "
                + "ORDER BY position", (rs, i) -> new TransferItem(rs.getString(1), rs.getString(2)), transferId);
        return jdbc.query("""
                SELECT transfer_id, kind, sender, sender_country, consignee, consignee_country, state, due_by,
                  export_licence, importing_country, end_user_certificate, transit_countries, item_count,
                  missing_count, dispatched_at, dispatch_hash, closed_at, closing_hash, reject_reason,
                  export_licence_issued_on, licence_commitment
                FROM transfer_view WHERE transfer_id = ?""",
                (rs, i) -> new TransferView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(20), rs.getString(10), rs.getString(11), split(rs.getString(12)), rs.getInt(13),
                        rs.getInt(14), rs.getString(15), rs.getString(16), rs.getString(17), rs.getString(18),
                        rs.getString(19), rs.getString(21), items),
                transferId).stream().findFirst();
    }

    private static List<String> split(String csv) {
        return csv == null || csv.isEmpty() ? List.of() : Arrays.asList(csv.split(","));
    }
}
