package org.salwledger.api.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.salwledger.api.auth.Reader;
import org.salwledger.core.command.Refusal;
import org.salwledger.core.item.description.UnrocaCategory;
import org.salwledger.core.item.description.WeaponCategory;
import org.salwledger.projections.report.ReportQueries;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Reports States file (UNROCA, ATT annual report; holdings): JSON, or CSV with {@code format=csv}. An
 * AUTHORITY reports for its own State; auditors, investigators and law enforcement for any.
 */
@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "reports")
public class ReportController {
    private final ReportQueries reports;

    public record TransferLine(String exportingCountry, String importingCountry, String unrocaCategory,
                               String unrocaLabel, String category, long items) {}

    /**
     * {@code transfersWithoutLicenceDate}: on the authorized basis, the EXPORT transfers dispatched in
     * the year that state no licence date and so could not be counted.
     */
    public record TransferReport(int year, String basis, String definition, String country, List<TransferLine> lines,
                                 Long transfersWithoutLicenceDate) {}

    public record HoldingsReport(String country, List<ReportQueries.Holding> lines) {}

    public ReportController(ReportQueries reports) {
        this.reports = reports;
    }

    @GetMapping("/transfers")
    @Operation(summary = "Annual report of international transfers by exporting and importing country and UNROCA "
            + "SALW category (MANPADS under VII(b)); basis=actual (exports dispatched in the year, not rejected; the "
            + "default) or basis=authorized (exports whose licence was issued in the year)")
    public ResponseEntity<?> transfers(@RequestParam int year,
                                       @RequestParam(name = "country", required = false) String country,
                                       @RequestParam(name = "basis", defaultValue = "actual") String basis,
                                       @RequestParam(name = "format", defaultValue = "json") String format,
                                       Reader reader) {
        if (year < 1900 || year > 9999) {
            throw Refusal.invalid("invalid-query", "'year' must be a calendar year");
        }
        ReportQueries.Basis on = basis(basis);
        String scope = scope(reader, country);
        List<TransferLine> lines = reports.internationalTransfers(year, scope, on).stream().map(c -> {
            UnrocaCategory unroca = UnrocaCategory.of(WeaponCategory.valueOf(c.category()));
            return new TransferLine(c.exportingCountry(), c.importingCountry(), unroca.code(), unroca.label(), c.category(),
                    c.items());
        }).toList();
        if (csv(format)) {
            return csvBody("exportingCountry,importingCountry,unrocaCategory,unrocaLabel,category,items",
                    lines.stream().map(l -> String.join(",", l.exportingCountry(), l.importingCountry(),
                            quote(l.unrocaCategory()), quote(l.unrocaLabel()), l.category(), Long.toString(l.items()))).toList());
        }
        return on == ReportQueries.Basis.ACTUAL
                ? ResponseEntity.ok(new TransferReport(year, "actual",
                "weapons in EXPORT transfers dispatched in the year, not rejected", scope, lines, null))
                : ResponseEntity.ok(new TransferReport(year, "authorized",
                "weapons in EXPORT transfers whose export licence was issued in the year, whatever became of them",
                scope, lines, reports.exportsWithoutLicenceDate(year, scope)));
    }

    private static ReportQueries.Basis basis(String basis) {
        return switch (basis) {
            case "actual" -> ReportQueries.Basis.ACTUAL;
            case "authorized" -> ReportQueries.Basis.AUTHORIZED;
            default -> throw Refusal.invalid("invalid-query", "'basis' must be actual or authorized, got " + basis);
        };
    }

    @GetMapping("/holdings")
    @Operation(summary = "Holdings by custodian and status")
    public ResponseEntity<?> holdings(@RequestParam(name = "country", required = false) String country,
                                      @RequestParam(name = "format", defaultValue = "json") String format, Reader reader) {
        String scope = scope(reader, country);
        List<ReportQueries.Holding> lines = reports.holdings(scope);
        if (csv(format)) {
            return csvBody("custodian,custodianRole,custodianCountry,status,kind,category,partType,items",
                    lines.stream().map(h -> String.join(",", quote(h.custodian()), text(h.custodianRole()),
                            text(h.custodianCountry()), h.status(), h.kind(), text(h.category()), text(h.partType()),
                            Long.toString(h.items()))).toList());
        }
        return ResponseEntity.ok(new HoldingsReport(scope, lines));
    }

    private static String scope(Reader reader, String country) {
        return switch (reader.role()) {
            case AUTHORITY -> {
                if (country != null && !country.equals(reader.country())) {
                    throw Refusal.forbidden("role-not-allowed", "an AUTHORITY reports for its own State");
                }
                yield reader.country();
            }
            case AUDITOR, INVESTIGATOR, LAW_ENFORCEMENT -> country;
            default -> throw Refusal.forbidden("role-not-allowed",
                    "reports are for AUTHORITY, AUDITOR, INVESTIGATOR and LAW_ENFORCEMENT");
        };
    }

    private static boolean csv(String format) {
        if (!format.equals("json") && !format.equals("csv")) {
            throw Refusal.invalid("invalid-query", "'format' must be json or csv");
        }
        return format.equals("csv");
    }

    private static ResponseEntity<String> csvBody(String header, List<String> rows) {
        String body = header + "\n" + rows.stream().map(r -> r + "\n").collect(Collectors.joining());
        return ResponseEntity.ok().contentType(new MediaType("text", "csv")).body(body);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String quote(String value) {
        return value == null ? "" : "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
