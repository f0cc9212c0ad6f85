package org.salwledger.projections.report;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** The numbers States file: international transfers of a year, and holdings by custodian and status. */
@Component
public class ReportQueries {
    private final JdbcTemplate jdbc;

    public record TransferCount(String exportingCountry, String importingCountry, String category, long items) {}

    public record Holding(String custodian, String custodianRole, String custodianCountry, String status, String kind,
                          String category, String partType, long items) {}

    public ReportQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The two bases the ATT and UNROCA forms allow (docs/domain-rules.md §1.5). */
    public enum Basis {
        /** Weapons in EXPORT transfers dispatched in the year and not rejected (missing on receipt still left). */
        ACTUAL,
        /**
         * Weapons in EXPORT transfers whose export licence was issued in the year, whatever became of the
         * transfer: what the State authorized. Only transfers that state the licence's date count.
         */
        AUTHORIZED
    }

    /** Weapons exported on the basis, by exporting and importing country and category. */
    public List<TransferCount> internationalTransfers(int year, String country, Basis basis) {
        List<Object> args = new ArrayList<>(basis == Basis.ACTUAL
                ? List.of(year + "-01-01", (year + 1) + "-01-01") : List.of(year + "-01-01", year + "-12-31"));
        String byCountry = exportsOf(country, "t.", args);
        return jdbc.query("SELECT t.sender_country, t.importing_country, v.category, COUNT(*) FROM transfer_view t "
                        + "JOIN transfer_item ti ON ti.transfer_id = t.transfer_id JOIN item_view v ON v.item_id = ti.item_id "
                        + "WHERE t.kind = 'EXPORT' AND v.kind = 'WEAPON' AND " + (basis == Basis.ACTUAL
                        ? "t.state <> 'REJECTED' AND t.dispatched_at >= ? AND t.dispatched_at < ?"
                        : "t.export_licence_issued_on >= ? AND t.export_licence_issued_on <= ?") + byCountry
                        + " GROUP BY t.sender_country, t.importing_country, v.category "
                        + "ORDER BY t.sender_country, t.importing_country, v.category",
                (rs, i) -> new TransferCount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)),
                args.toArray());
    }

    /**
     * EXPORT transfers dispatched in the year that state no licence date: an authorized-basis report
     * cannot count them and says how many it left out.
     */
    public long exportsWithoutLicenceDate(int year, String country) {
        List<Object> args = new ArrayList<>(List.of(year + "-01-01", (year + 1) + "-01-01"));
        String byCountry = exportsOf(country, "", args);
        return jdbc.queryForObject("SELECT COUNT(*) FROM transfer_view WHERE kind = 'EXPORT' "
                + "AND export_licence_issued_on IS NULL AND dispatched_at >= ? AND dispatched_at < ?" + byCountry,
                Long.class, args.toArray());
    }

    /** A State's exports and imports: the condition on the transfer view (aliased {@code alias}), its argument added. */
    private static String exportsOf(String country, String alias, List<Object> args) {
        if (country == null) {
            return "";
        }
        args.add(country);
        args.add(country);
        return " AND (" + alias + "sender_country = ? OR " + alias + "importing_country = ?)";
    }

    public List<Holding> holdings(String country) {
        List<Object> args = new ArrayList<>();
        String byCountry = "";
        if (country != null) {
            byCountry = " WHERE a.country = ?";
            args.add(country);
        }
        return jdbc.query("SELECT v.custodian, a.role, a.country, v.status, v.kind, v.category, v.part_type, COUNT(*) "
                        + "FROM item_view v LEFT JOIN actor_view a ON a.actor_id = v.custodian" + byCountry
                        + " GROUP BY v.custodian, a.role, a.country, v.status, v.kind, v.category, v.part_type "
                        + "ORDER BY v.custodian, v.status, v.kind, v.category, v.part_type",
                (rs, i) -> new Holding(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getLong(8)), args.toArray());
    }
}
