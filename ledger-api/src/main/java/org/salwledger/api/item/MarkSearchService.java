package org.salwledger.api.item;

import org.salwledger.api.auth.Reader;
import org.salwledger.api.read.ReadAccess;
import org.salwledger.core.command.Refusal;
import org.salwledger.core.command.Role;
import org.salwledger.core.country.CountryCodes;
import org.salwledger.core.item.description.ItemKind;
import org.salwledger.core.item.description.WeaponCategory;
import org.salwledger.core.item.marking.MarkText;
import org.salwledger.projections.search.MarkSearchQueries;
import org.springframework.stereotype.Component;

import java.util.List;

/** Checks a mark search, runs it, and keeps to what the reader may see; also used by trace requests. */
@Component
public class MarkSearchService {
    static final int MAX_PAGE_SIZE = 100;
    static final int MAX_RESULTS = 1000;
    static final int MIN_KNOWN_CHARACTERS = 2;

    private final MarkSearchQueries queries;
    private final ReadAccess access;

    public record MarkSearchRequest(String mark, String manufacturer, String country, String category, String calibre,
                                    String kind, int page, int size) {}

    public record MarkSearch(String mark, String normalized, int page, int size, boolean hasMore,
                             List<MarkSearchQueries.Hit> items) {}

    public MarkSearchService(MarkSearchQueries queries, ReadAccess access) {
        this.queries = queries;
        this.access = access;
    }

    public MarkSearch search(MarkSearchRequest request, Reader reader) {
        String normalized = validMark(request.mark());
        if (request.page() < 0 || request.size() < 1 || request.size() > MAX_PAGE_SIZE
                || ((long) request.page() + 1) * request.size() > MAX_RESULTS) {
            throw Refusal.invalid("invalid-query", "page >= 0, size 1-" + MAX_PAGE_SIZE
                    + ", and at most the first " + MAX_RESULTS + " results");
        }
        MarkSearchQueries.Filters filters = filters(request);
        int wanted = (request.page() + 1) * request.size() + 1;
        List<MarkSearchQueries.Hit> ranked = visible(queries.search(normalized, filters, wanted), reader);
        int from = Math.min(ranked.size(), request.page() * request.size());
        int to = Math.min(ranked.size(), from + request.size());
        return new MarkSearch(request.mark(), normalized, request.page(), request.size(), ranked.size() > to,
                ranked.subList(from, to));
    }

    /** Candidates for a trace: every visible hit of the best tiers, unpaged, at most {@code limit}. */
    public List<MarkSearchQueries.Hit> candidates(String mark, int limit) {
        return queries.search(validMark(mark), new MarkSearchQueries.Filters(null, null, null, null, null), limit);
    }

    private List<MarkSearchQueries.Hit> visible(List<MarkSearchQueries.Hit> hits, Reader reader) {
        if (reader.role() == Role.INVESTIGATOR || reader.role() == Role.LAW_ENFORCEMENT || reader.role() == Role.AUDITOR) {
            return hits;
        }
        return hits.stream().filter(hit -> access.canRead(reader, hit.itemId())).toList();
    }

    static String validMark(String mark) {
        if (mark == null || mark.isBlank() || mark.length() > 200) {
            throw Refusal.invalid("invalid-query", "'mark' must be 1-200 characters");
        }
        String normalized = MarkText.normalize(mark);
        long known = normalized.chars().filter(c -> c != MarkText.ONE_UNKNOWN && c != MarkText.UNKNOWN_RUN).count();
        if (known < MIN_KNOWN_CHARACTERS) {
            throw Refusal.invalid("mark-too-broad", "a mark search needs at least " + MIN_KNOWN_CHARACTERS
                    + " known characters, got '" + normalized + "'");
        }
        return normalized;
    }

    private static MarkSearchQueries.Filters filters(MarkSearchRequest request) {
        String country = request.country();
        if (country != null && !CountryCodes.isValid(country)) {
            throw Refusal.invalid("invalid-country", "'country' must be an ISO 3166-1 alpha-2 code, got " + country);
        }
        return new MarkSearchQueries.Filters(blankToNull(request.manufacturer()), country,
                enumName(WeaponCategory.class, request.category(), "category"), blankToNull(request.calibre()),
                enumName(ItemKind.class, request.kind(), "kind"));
    }

    private static <E extends Enum<E>> String enumName(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value).name();
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("invalid-query", "'" + field + "' " + value + " is not one of "
                    + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
