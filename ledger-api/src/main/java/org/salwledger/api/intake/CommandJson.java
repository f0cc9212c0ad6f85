package org.salwledger.api.intake;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.salwledger.core.command.Refusal;

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
            // a number is not a string, and an integer field takes no fraction (2001.5, 2001.0, 1.999e3)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .withCoercionConfig(LogicalType.Textual, text -> text
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Integer, integer -> integer
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Boolean, bool -> bool
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
            .build();

    private CommandJson() {}

    static JsonNode tree(byte[] json, String what) {
        try {
            JsonNode node = STRICT.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw Refusal.invalid("malformed-json", what + " is empty");
            }
            return node;
        } catch (IOException e) {
            throw translate(e, what);
        }
    }

    /** A JSON object, or a problem of type {@code slug} naming {@code what}. */
    static ObjectNode object(byte[] json, String what, String slug) {
        JsonNode node = tree(json, what);
        if (!(node instanceof ObjectNode object)) {
            throw Refusal.invalid(slug, what + " must be a JSON object");
        }
        return object;
    }

    static <T> T convert(JsonNode node, Class<T> type, String what) {
        try {
            return STRICT.treeToValue(node, type);
        } catch (IOException e) {
            throw translate(e, what);
        }
    }

    private static Refusal translate(IOException e, String what) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return Refusal.invalid("unknown-field",
                    what + " has an unknown field '" + unknown.getPropertyName() + "'");
        }
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            String allowed = Arrays.stream(invalid.getTargetType().getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
            return Refusal.invalid("unknown-enum-value", what + ": '" + invalid.getValue() + "' is not one of "
                    + allowed + " (field '" + path(invalid) + "')");
        }
        if (e instanceof InputCoercionException outOfRange) {
            return Refusal.invalid("invalid-field", what + ": a number is out of range: "
                    + outOfRange.getOriginalMessage());
        }
        if (e instanceof MismatchedInputException mismatch) {
            Class<?> target = mismatch.getTargetType();
            if (target != null && target.isPrimitive() && mismatch.getOriginalMessage().contains("null")) {
                // absent or null: a flag has no default in a signed statement
                return Refusal.invalid("missing-field", what + ": field '" + path(mismatch) + "' is required ("
                        + (target == boolean.class ? "true or false" : "a number") + ")");
            }
            return Refusal.invalid("invalid-field", what + ": field '" + path(mismatch) + "' has the wrong type"
                    + (target == null ? "" : ": expected " + expected(target)));
        }
        if (e instanceof JsonMappingException mapping) {
            // the JSON parsed; a value does not fit its field (e.g. an integer beyond the field's range)
            return Refusal.invalid("invalid-field", what + ": field '" + mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")) + "': " + mapping.getOriginalMessage());
        }
        if (e instanceof JsonParseException parse) {
            return Refusal.invalid("malformed-json", what + " is not valid JSON: " + parse.getOriginalMessage());
        }
        return Refusal.invalid("malformed-json", what + " is not valid JSON");
    }

    private static String expected(Class<?> target) {
        if (target == boolean.class || target == Boolean.class) {
            return "true or false";
        }
        if (target.isPrimitive() || Number.class.isAssignableFrom(target)) {
            return "a number without fraction";
        }
        if (target == String.class || target.isEnum()) {
            return "a string";
        }
        if (target.getName().startsWith("java.time.")) {
            return "an RFC 3339 time or a YYYY-MM-DD date, as a string";
        }
        if (java.util.Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static String path(MismatchedInputException e) {
        return e.getPath().stream().map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
