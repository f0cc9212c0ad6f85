package org.salwledger.api.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The problem types of docs/ledger-format.md §7, read from that table (the build copies the spec
 * into the service), so the OpenAPI description and the spec cannot list different slugs.
 */
final class ProblemCatalog {
    /** One row of the table: its slugs share the statuses and the meaning. */
    record Entry(List<String> slugs, List<Integer> statuses, String meaning) {}

    private static final Pattern ROW = Pattern.compile("^\\| ([a-z0-9 /,-]+) \\| ([0-9/]+) \\| (.*) \\|$");
    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9-]+");

    private final List<Entry> entries;

    private ProblemCatalog(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    static ProblemCatalog fromSpec() {
        try (InputStream in = ProblemCatalog.class.getResourceAsStream("/openapi/ledger-format.md")) {
            if (in == null) {
                throw new IllegalStateException("openapi/ledger-format.md is not on the classpath (see ledger-api/pom.xml)");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ProblemCatalog parse(String spec) {
        int errors = spec.indexOf("## 7. Errors");
        if (errors < 0) {
            throw new IllegalStateException("the spec has no section '## 7. Errors'");
        }
        int end = spec.indexOf("\n## ", errors + 1);
        List<Entry> entries = new ArrayList<>();
        for (String line : spec.substring(errors, end < 0 ? spec.length() : end).split("\n")) {
            Matcher row = ROW.matcher(line.strip());
            if (!row.matches() || row.group(1).strip().equals("slug")) {
                continue;
            }
            List<String> slugs = new ArrayList<>();
            Matcher slug = SLUG.matcher(row.group(1));
            while (slug.find()) {
                slugs.add(slug.group());
            }
            List<Integer> statuses = new ArrayList<>();
            for (String status : row.group(2).split("/")) {
                statuses.add(Integer.parseInt(status.strip()));
            }
            entries.add(new Entry(slugs, statuses, row.group(3).strip()));
        }
        if (entries.isEmpty()) {
            throw new IllegalStateException("no problem types in §7 of the spec");
        }
        return new ProblemCatalog(entries);
    }

    List<Entry> entries() {
        return entries;
    }

    /** Slugs by HTTP status, each with its meaning, in the table's order. */
    Map<Integer, List<String>> byStatus() {
        Map<Integer, List<String>> byStatus = new TreeMap<>();
        for (Entry entry : entries) {
            for (int status : entry.statuses()) {
                List<String> lines = byStatus.computeIfAbsent(status, s -> new ArrayList<>());
                entry.slugs().forEach(slug -> lines.add("`" + slug + "`"
                        + (entry.meaning().isEmpty() ? "" : ": " + entry.meaning())));
            }
        }
        byStatus.replaceAll((status, lines) -> Collections.unmodifiableList(lines));
        return byStatus;
    }
}
