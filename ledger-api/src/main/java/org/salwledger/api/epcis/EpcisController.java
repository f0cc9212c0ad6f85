package org.salwledger.api.epcis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.salwledger.api.auth.Reader;
import org.salwledger.api.item.ItemPaths;
import org.salwledger.api.read.ReadAccess;
import org.salwledger.core.command.Refusal;
import org.salwledger.core.command.Role;
import org.salwledger.core.epcis.EpcisDocument;
import org.salwledger.core.epcis.EpcisXml;
import org.salwledger.projections.item.ItemQueries.RecordedCursor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;

/**
 * Custody records as EPCIS 2.0 documents (docs/ledger-format.md §8), for customs and industry systems: JSON-LD by
 * default, the XML binding for {@code Accept: application/xml}. Reads are scoped as every item read is.
 */
@RestController
@Tag(name = "epcis")
public class EpcisController {
    static final String LD_JSON = "application/ld+json";
    private static final int MAX_PER_PAGE = 5000;

    private final EpcisExports exports;
    private final ReadAccess access;

    public EpcisController(EpcisExports exports, ReadAccess access) {
        this.exports = exports;
        this.access = access;
    }

    @GetMapping(path = "/api/v1/items/{itemId}/epcis", produces = {LD_JSON, MediaType.APPLICATION_JSON_VALUE,
            MediaType.APPLICATION_XML_VALUE})
    @Operation(summary = "The item's custody records as an EPCIS 2.0 document (JSON-LD, or XML on Accept: application/xml)")
    public ResponseEntity<byte[]> item(@PathVariable String itemId, Reader reader,
                                       @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        ItemPaths.require(itemId);
        access.requireReadable(reader, itemId);
        return answer(exports.forItem(itemId), accept, null);
    }

    @GetMapping(path = "/api/v1/epcis/events", produces = {LD_JSON, MediaType.APPLICATION_JSON_VALUE,
            MediaType.APPLICATION_XML_VALUE})
    @Operation(summary = "Every custody record the reader may read, recorded in [from, to), as EPCIS 2.0 documents in "
            + "pages of perPage records (default 1000, at most 5000); the next page is the Link rel=\"next\" header")
    public ResponseEntity<byte[]> events(@RequestParam("from") String from,
                                         @RequestParam(name = "to", required = false) String to,
                                         @RequestParam(name = "perPage", defaultValue = "1000") int perPage,
                                         @RequestParam(name = "nextPageToken", required = false) String nextPageToken,
                                         Reader reader,
                                         @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        if (reader.role() == Role.ADMIN) {
            throw Refusal.forbidden("role-not-allowed", "the administrator manages actors and reads no items");
        }
        if (perPage < 1 || perPage > MAX_PER_PAGE) {
            throw Refusal.invalid("invalid-query", "'perPage' must be 1 to " + MAX_PER_PAGE + ", got " + perPage);
        }
        Instant start = instant("from", from);
        Instant end = to == null ? Instant.now() : instant("to", to);
        if (!start.isBefore(end)) {
            throw Refusal.invalid("invalid-query", "'from' must be before 'to'");
        }
        EpcisExports.Page page = exports.window(start, end, nextPageToken == null ? null : cursor(nextPageToken),
                perPage, reader);
        String next = page.next() == null ? null : UriComponentsBuilder.fromPath("/api/v1/epcis/events")
                .queryParam("from", start).queryParam("to", end).queryParam("perPage", perPage)
                .queryParam("nextPageToken", token(page.next())).build().encode().toUriString();
        return answer(page.document(), accept, next);
    }

    private ResponseEntity<byte[]> answer(ObjectNode document, String accept, String next) {
        boolean xml = wantsXml(accept);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok()
                .contentType(xml ? MediaType.APPLICATION_XML : MediaType.parseMediaType(LD_JSON));
        if (next != null) {
            answer.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return answer.body(xml ? EpcisXml.write(document, exports.ids()) : EpcisDocument.json(document));
    }

    /** XML only when the client ranks it above JSON; JSON-LD is the EPCIS 2.0 default. */
    private static boolean wantsXml(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        double xml = 0;
        double json = 0;
        for (MediaType type : MediaType.parseMediaTypes(accept)) {
            if (type.equalsTypeAndSubtype(MediaType.APPLICATION_XML) || type.equalsTypeAndSubtype(MediaType.TEXT_XML)) {
                xml = Math.max(xml, type.getQualityValue());
            } else if (type.includes(MediaType.APPLICATION_JSON) || type.equalsTypeAndSubtype(MediaType.parseMediaType(LD_JSON))) {
                json = Math.max(json, type.getQualityValue());
            }
        }
        return xml > json;
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("invalid-query", "'" + name + "' must be an RFC 3339 UTC time, got " + value);
        }
    }

    private static String token(RecordedCursor cursor) {
        String text = cursor.recordedAt() + "\n" + cursor.itemId() + "\n" + cursor.sequence();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static RecordedCursor cursor(String token) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\n", -1);
            if (parts.length != 3) {
                throw new IllegalArgumentException("three parts expected");
            }
            if (!Instant.parse(parts[0]).toString().equals(parts[0])) {
                throw new IllegalArgumentException("not an instant as the ledger records it");
            }
            return new RecordedCursor(parts[0], parts[1], Long.parseLong(parts[2]));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw Refusal.invalid("invalid-query", "'nextPageToken' is not a token this ledger gave");
        }
    }
}
