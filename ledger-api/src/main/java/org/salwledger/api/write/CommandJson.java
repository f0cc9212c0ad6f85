package org.salwledger.api.write;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.salwledger.api.problem.LedgerProblem;

import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Strict JSON for what signers send: unknown fields, unknown enum values, duplicate keys and
 * trailing content are refused, each with its own problem type. A signed payload must mean one thing.
 */
final class CommandJson {
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private CommandJson() {}

    static JsonNode tree(byte[] json, String what) {
        try {
            JsonNode node = STRICT.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw LedgerProblem.badRequest("malformed-json", what + " is empty");
            }
            return node;
        } catch (IOException e) {
            throw translate(e, what);
        }
    }

    static <T> T read(byte[] json, Class<T> type, String what) {
        return convert(tree(json, what), type, what);
    }

    static <T> T convert(JsonNode node, Class<T> type, String what) {
        try {
            return STRICT.treeToValue(node, type);
        } catch (IOException e) {
            throw translate(e, what);
        }
    }

    private static LedgerProblem translate(IOException e, String what) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return LedgerProblem.badRequest("unknown-field",
                    what + " has an unknown field '" + unknown.getPropertyName() + "'");
        }
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            String allowed = Arrays.stream(invalid.getTargetType().getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
            return LedgerProblem.badRequest("unknown-enum-value", what + ": '" + invalid.getValue() + "' is not one of "
                    + allowed + " (field '" + path(invalid) + "')");
        }
        if (e instanceof MismatchedInputException mismatch) {
            return LedgerProblem.badRequest("invalid-field", what + ": field '" + path(mismatch) + "' has the wrong type: "
                    + mismatch.getOriginalMessage());
        }
        if (e instanceof JsonParseException parse) {
            return LedgerProblem.badRequest("malformed-json", what + " is not valid JSON: " + parse.getOriginalMessage());
        }
        return LedgerProblem.badRequest("malformed-json", what + " is not valid JSON");
    }

    private static String path(MismatchedInputException e) {
        return e.getPath().stream().map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
