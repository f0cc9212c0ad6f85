package org.salwledger.core.transfer;

import org.salwledger.core.actor.ActorEntry;
import org.salwledger.core.command.CommandOrigin;
import org.salwledger.core.command.Refusal;
import org.salwledger.core.command.Require;
import org.salwledger.core.item.description.TransferKind;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;

/**
 * What a dispatch must state, checked before any item is touched (so a bad EXPORT costs nothing)
 * and again by the Transfer itself.
 */
public final class TransferRules {
    private static final int FIRST_LICENCE_YEAR = 1900;

    private TransferRules() {}

    public static void check(DispatchTransfer d, ActorEntry consignee) {
        CommandOrigin origin = d.origin();
        List<String> items = Require.present(d.itemIds(), "itemIds");
        if (items.isEmpty() || items.size() > Transfer.MAX_ITEMS) {
            throw Refusal.unprocessable("invalid-field", "a transfer carries 1 to " + Transfer.MAX_ITEMS + " items");
        }
        if (new HashSet<>(items).size() != items.size()) {
            throw Refusal.unprocessable("invalid-field", "an item is listed twice in the transfer");
        }
        if (consignee.actorId().equals(origin.actorId())) {
            throw Refusal.unprocessable("invalid-consignee", "sender and consignee are the same actor");
        }
        TransferKind kind = Require.present(d.kind(), "kind");
        LocalDate dueBy = Require.present(d.dueBy(), "dueBy");
        if (dueBy.isBefore(origin.issuedAt().atZone(ZoneOffset.UTC).toLocalDate())) {
            throw Refusal.unprocessable("invalid-field", "'dueBy' is in the past");
        }
        Require.optionalText(d.exportLicence(), "exportLicence", 200);
        Require.optionalText(d.endUserCertificate(), "endUserCertificate", 200);
        List<String> transit = transit(d);
        if (d.licenceCommitment() != null && (kind != TransferKind.STATE_TO_CIVILIAN
                || !LicenceCommitment.isCommitment(d.licenceCommitment()))) {
            throw Refusal.unprocessable("invalid-field", "'licenceCommitment' belongs to STATE_TO_CIVILIAN transfers "
                    + "and is 64 lowercase hex characters (docs/ledger-format.md §2.2)");
        }
        if (kind == TransferKind.EXPORT) {
            ExportRules.check(origin.country(), consignee.country(), d.exportLicence(), d.importingCountry(),
                    d.endUserCertificate(), transit);
            LocalDate issued = d.exportLicenceIssuedOn();
            if (issued != null && (issued.getYear() < FIRST_LICENCE_YEAR
                    || issued.isAfter(origin.issuedAt().atZone(ZoneOffset.UTC).toLocalDate()))) {
                throw Refusal.unprocessable("invalid-field", "'exportLicenceIssuedOn' must be a date from "
                        + FIRST_LICENCE_YEAR + " up to the day of dispatch");
            }
            return;
        }
        if (d.exportLicence() != null || d.exportLicenceIssuedOn() != null || d.importingCountry() != null
                || d.endUserCertificate() != null || !transit.isEmpty()) {
            throw Refusal.unprocessable("invalid-field",
                    "licence, importing country, end-user certificate and transit countries belong to EXPORT transfers");
        }
        if (kind != TransferKind.RETURN && !consignee.country().equals(origin.country())) {
            throw Refusal.unprocessable("cross-border-not-export",
                    "a " + kind + " transfer stays in " + origin.country() + "; the consignee is in " + consignee.country());
        }
    }

    static List<String> transit(DispatchTransfer d) {
        return d.transitCountries() == null ? List.of() : List.copyOf(d.transitCountries());
    }
}
