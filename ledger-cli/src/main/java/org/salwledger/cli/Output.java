package org.salwledger.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.salwledger.core.crypto.CanonicalJson;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Iterator;
import java.util.Map;

/**
 * How an answer is printed: as the ledger sent it ({@code json}), as one "name: value" line per
 * field ({@code text}), or one field's bare value ({@code --field}, a name or a JSON Pointer) for a
 * shell variable or a file:
 * {@code ITEM=$(ledger submit … --field itemId)}. A refusal goes to stderr whatever the format.
 */
final class Output {
    enum Format { json, text }

    @Option(names = "--output", defaultValue = "json", description = "json or text")
    Format format;
    @Option(names = "--field", description = "print only this field's value (for scripts): a top-level name,"
            + " or a JSON Pointer such as /records/1/record")
    String field;

    /** Prints the answer; the exit code: 0, or 1 for a refusal or a missing field. */
    int print(LedgerClient.Answer answer, PrintWriter out, PrintWriter err) {
        if (answer.status() >= 400) {
            err.println(answer.body());
            return 1;
        }
        // parsed only to pick a field or list fields: a raw answer (an export, a bundle) is printed unread
        JsonNode json = field != null || format == Format.text ? parse(answer.body()) : null;
        if (field != null) {
            JsonNode value = json == null ? null : field.startsWith("/") ? json.at(field) : json.get(field);
            if (value == null || value.isNull() || value.isMissingNode()) {
                err.println("the answer has no field '" + field + "': " + answer.body());
                return 1;
            }
            out.println(value.isValueNode() ? value.asText() : value.toString());
            return 0;
        }
        if (format == Format.text && json != null && json.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                out.println(entry.getKey() + ": " + (entry.getValue().isValueNode() ? entry.getValue().asText()
                        : entry.getValue().toString()));
            }
            return 0;
        }
        // exactly as sent: a signed checkpoint saved to a file must stay a valid note (one final newline)
        out.print(answer.body());
        if (!answer.body().endsWith("\n")) {
            out.println();
        }
        out.flush();
        return 0;
    }

    private static JsonNode parse(String body) {
        try {
            return CanonicalJson.mapper().readTree(body);
        } catch (IOException e) {
            return null; // a CSV report or other text: printed as it came
        }
    }
}
