package org.salwledger.core.transfer;

import org.salwledger.core.command.Refusal;
import org.salwledger.core.command.Require;

import java.util.HashSet;
import java.util.List;

/** docs/domain-rules.md 14-15: what an EXPORT must state, and how its countries relate. */
final class ExportRules {
    private ExportRules() {}

    static void check(String exporter, String consigneeCountry, String licence, String importing, String euc,
                      List<String> transit) {
        if (licence == null || licence.isBlank()) {
            throw Refusal.unprocessable("export-licence-required", "an EXPORT needs 'exportLicence'");
        }
        if (euc == null || euc.isBlank()) {
            throw Refusal.unprocessable("end-user-certificate-required",
                    "an EXPORT needs 'endUserCertificate'");
        }
        Require.country(importing, "importingCountry");
        if (importing.equals(exporter)) {
            throw Refusal.unprocessable("export-to-own-country",
                    "the importing country " + importing + " is the exporter's own");
        }
        if (!importing.equals(consigneeCountry)) {
            throw Refusal.unprocessable("importing-country-mismatch",
                    "the importing country " + importing + " is not the consignee's country " + consigneeCountry);
        }
        if (new HashSet<>(transit).size() != transit.size()) {
            throw Refusal.unprocessable("invalid-transit", "a transit country is listed twice");
        }
        for (String country : transit) {
            Require.country(country, "transitCountries");
            if (country.equals(exporter) || country.equals(importing)) {
                throw Refusal.unprocessable("invalid-transit",
                        "transit country " + country + " is the exporter or the importer");
            }
        }
    }
}
