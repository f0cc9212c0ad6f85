package org.salwledger.api.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.salwledger.api.intake.Accepts;
import org.salwledger.core.crypto.CanonicalJson;
import org.salwledger.core.crypto.Dsse;
import org.salwledger.core.crypto.DsseEnvelope;
import org.salwledger.core.crypto.SigningKey;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Documents each command endpoint as what it is: the body is a DSSE envelope, its payload (base64)
 * one of the commands the handler {@link Accepts}, whose schema is a component of its own; one
 * example per command, signed for real with the RFC 8032 §7.1 TEST 1 key (a published test key,
 * registered nowhere: a client can check its own signing against it, the ledger refuses it); the
 * 201 with the headers a write answers; and each problem+json status with the slugs of
 * docs/ledger-format.md §7. Reads get their problem responses too.
 */
@Component
public class CommandDocumentation implements OperationCustomizer, OpenApiCustomizer {
    static final String ENVELOPE = "DsseEnvelope";
    static final String PROBLEM = "Problem";
    static final String ACCEPTED = "CommandAccepted";
    static final String PROBLEM_JSON = "application/problem+json";
    /** RFC 8032 §7.1 TEST 1 secret key. */
    static final String EXAMPLE_SEED = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    private static final List<Integer> COMMAND_PROBLEMS = List.of(400, 401, 403, 404, 409, 413, 415, 422, 500, 503);
    private static final List<Integer> READ_PROBLEMS = List.of(400, 401, 403, 404, 406, 500, 503);

    private final Map<Integer, List<String>> slugsByStatus = ProblemCatalog.fromSpec().byStatus();
    private final SigningKey exampleKey = SigningKey.fromSeed(HexFormat.of().parseHex(EXAMPLE_SEED));
    private final Map<String, Class<?>> payloads = new ConcurrentHashMap<>();

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        Accepts[] accepts = handler.getMethod().getAnnotationsByType(Accepts.class);
        if (accepts.length == 0) {
            boolean needsSession = OpenApiSetup.needsSession(handler);
            operation.setResponses(withProblems(operation.getResponses(), READ_PROBLEMS.stream()
                    .filter(status -> needsSession || status != 401 && status != 403).toList()));
            return operation;
        }
        MediaType envelope = new MediaType().schema(new Schema<>().$ref(ref(ENVELOPE)));
        StringBuilder description = new StringBuilder("A DSSE envelope (payloadType `" + Dsse.COMMAND_PAYLOAD_TYPE
                + "`) signed with the actor's registered Ed25519 key; its payload is the RFC 8785 form of ");
        for (int i = 0; i < accepts.length; i++) {
            Accepts accepted = accepts[i];
            payloads.put(accepted.type(), accepted.body());
            envelope.addExamples(accepted.type(), example(accepted.type()));
            description.append(i == 0 ? "" : i == accepts.length - 1 ? " or " : ", ").append("a `")
                    .append(accepted.type()).append("` command (schema `").append(accepted.type()).append("Command`)");
        }
        description.append(", with the header fields type, actor, nonce, issuedAt and, for a late entry, occurredAt "
                + "(docs/ledger-format.md §1–2). The examples are signed with the RFC 8032 §7.1 TEST 1 key, registered "
                + "nowhere: sign yours with your own key.");
        operation.setRequestBody(new RequestBody().required(true).description(description.toString())
                .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE, envelope)));
        ApiResponses responses = new ApiResponses();
        if (accepts.length == 1 && accepts[0].type().equals("OpenSession")) {
            responses.addApiResponse("201", new ApiResponse().description("A session: its bearer token for reads, "
                    + "when it expires, and who the reader is (actorId, role, country)")
                    .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                            new MediaType().schema(new ObjectSchema().addProperty("token", new StringSchema())
                                    .addProperty("expiresAt", new StringSchema().format("date-time"))
                                    .addProperty("actorId", new StringSchema()).addProperty("role", new StringSchema())
                                    .addProperty("country", new StringSchema())))));
            operation.setResponses(withProblems(responses, COMMAND_PROBLEMS));
            return operation;
        }
        responses.addApiResponse("201", new ApiResponse()
                .description("Recorded: the envelope's hash and the records it appended, with the ids it created. "
                        + "The same envelope sent again appends nothing and answers the same, with Ledger-Replayed: true.")
                .addHeaderObject("Ledger-Position", new Header().schema(new IntegerSchema().format("int64"))
                        .description("event store position of the write's last record: send it back as Ledger-After "
                                + "on a read to see the write"))
                .addHeaderObject("Ledger-Replayed", new Header().schema(new StringSchema()._enum(List.of("true")))
                        .description("present when the envelope was recorded before"))
                .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                        new MediaType().schema(new Schema<>().$ref(ref(ACCEPTED))))));
        operation.setResponses(withProblems(responses, COMMAND_PROBLEMS));
        return operation;
    }

    @Override
    public void customise(OpenAPI openApi) {
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        openApi.setComponents(components);
        components.addSchemas(ENVELOPE, envelopeSchema());
        components.addSchemas(PROBLEM, problemSchema());
        components.addSchemas(ACCEPTED, acceptedSchema());
        new TreeMap<>(payloads).forEach((type, body) -> {
            ResolvedSchema resolved = ModelConverters.getInstance().readAllAsResolvedSchema(body);
            if (resolved == null || resolved.schema == null) {
                return;
            }
            resolved.referencedSchemas.forEach((name, schema) -> {
                if (!name.equals(body.getSimpleName())) {
                    components.addSchemas(name, schema);
                }
            });
            Schema<?> command = resolved.schema;
            command.setName(null);
            command.addProperty("type", new StringSchema()._enum(List.of(type)));
            command.addProperty("actor", new StringSchema().description("the signer's actor id"));
            command.addProperty("nonce", new StringSchema().description("unique per actor, hex"));
            command.addProperty("issuedAt", new StringSchema().format("date-time"));
            command.addProperty("occurredAt", new StringSchema().format("date-time")
                    .description("when the fact happened, if before issuedAt (a late entry)"));
            command.setRequired(List.of("type", "actor", "nonce", "issuedAt"));
            command.setDescription("The payload of a " + type + " envelope (decoded from base64). Unknown members are "
                    + "refused (unknown-field).");
            components.addSchemas(type + "Command", command);
        });
    }

    private ApiResponses withProblems(ApiResponses existing, List<Integer> statuses) {
        ApiResponses responses = existing == null ? new ApiResponses() : existing;
        for (int status : statuses) {
            List<String> slugs = slugsByStatus.getOrDefault(status, List.of());
            String key = Integer.toString(status);
            ApiResponse response = responses.get(key) == null ? new ApiResponse() : responses.get(key);
            response.setDescription("Refused, nothing recorded; `type` is urn:salw-ledger:problem:<slug>, one of:\n\n- "
                    + String.join("\n- ", slugs));
            response.setContent(new Content().addMediaType(PROBLEM_JSON,
                    new MediaType().schema(new Schema<>().$ref(ref(PROBLEM)))));
            responses.addApiResponse(key, response);
        }
        responses.remove("default");
        return responses;
    }

    private Example example(String type) {
        ObjectNode payload;
        try (InputStream in = getClass().getResourceAsStream("/openapi/examples/" + type + ".json")) {
            if (in == null) {
                throw new IllegalStateException("no example payload openapi/examples/" + type + ".json");
            }
            payload = (ObjectNode) CanonicalJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DsseEnvelope envelope = DsseEnvelope.sign(Dsse.COMMAND_PAYLOAD_TYPE, CanonicalJson.canonicalize(payload), exampleKey);
        JsonNode value = CanonicalJson.mapper().valueToTree(envelope);
        return new Example().summary(type).value(value).description("payload: " + CanonicalJson.canonicalString(payload));
    }

    private static String ref(String name) {
        return "#/components/schemas/" + name;
    }

    private static Schema<?> envelopeSchema() {
        return new ObjectSchema().description("DSSE v1 envelope (docs/ledger-format.md §1); the signature is over "
                        + "PAE(payloadType, payload bytes)")
                .addProperty("payloadType", new StringSchema()._enum(List.of(Dsse.COMMAND_PAYLOAD_TYPE)))
                .addProperty("payload", new StringSchema().format("byte")
                        .description("standard padded base64 of the command's RFC 8785 JSON"))
                .addProperty("signatures", new ArraySchema().minItems(1).items(new ObjectSchema()
                        .addProperty("keyid", new StringSchema().description("SHA-256 of the public key, hex"))
                        .addProperty("sig", new StringSchema().format("byte").description("Ed25519 signature, base64"))
                        .required(List.of("keyid", "sig"))))
                .required(List.of("payloadType", "payload", "signatures"));
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema().description("RFC 9457 problem details; some problems add members (offendingItems, "
                        + "where)")
                .addProperty("type", new StringSchema().format("uri").example("urn:salw-ledger:problem:bad-signature"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .required(List.of("type", "title", "status"));
    }

    private static Schema<?> acceptedSchema() {
        return new ObjectSchema().description("what a write recorded; commands that create something add its id "
                        + "(itemId, transferId, traceId, actorId)")
                .addProperty("envelopeHash", new StringSchema().description("SHA-256 of the envelope's RFC 8785 form, hex"))
                .addProperty("records", new ArraySchema().items(new ObjectSchema()
                        .addProperty("stream", new StringSchema())
                        .addProperty("sequence", new IntegerSchema().format("int64"))
                        .addProperty("type", new StringSchema())
                        .addProperty("hash", new StringSchema())))
                .required(List.of("envelopeHash", "records"));
    }
}
