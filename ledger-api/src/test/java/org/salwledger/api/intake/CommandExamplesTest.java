package org.salwledger.api.intake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.salwledger.core.command.Refusal;
import org.salwledger.core.crypto.CanonicalJson;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every command endpoint declares what it {@link Accepts}, and the OpenAPI example of each command is
 * one the endpoint would take: read with the same strict JSON as a signed payload (unknown fields,
 * unknown enum values, wrong types refused), so an example cannot drift from its command.
 */
class CommandExamplesTest {
    private static Map<String, Class<?>> accepted() {
        Map<String, Class<?>> accepted = new HashMap<>();
        for (JavaMethod method : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.salwledger.api").stream().flatMap(c -> c.getMethods().stream()).toList()) {
            for (Accepts accepts : method.reflect().getAnnotationsByType(Accepts.class)) {
                assertThat(accepted.put(accepts.type(), accepts.body())).as("one endpoint per command: " + accepts.type())
                        .isNull();
            }
        }
        return accepted;
    }

    @Test
    void everyCommandHasAnEndpointAndAnExampleThatEndpointTakes() throws Exception {
        Map<String, Class<?>> accepted = accepted();
        assertThat(accepted).hasSize(27);
        for (Map.Entry<String, Class<?>> command : accepted.entrySet()) {
            ObjectNode example;
            try (InputStream in = getClass().getResourceAsStream("/openapi/examples/" + command.getKey() + ".json")) {
                assertThat(in).as("an example of " + command.getKey()).isNotNull();
                example = (ObjectNode) CanonicalJson.mapper().readTree(in);
            }
            assertThat(example.path("type").asText()).isEqualTo(command.getKey());
            assertThat(example.path("actor").asText()).isNotBlank();
            assertThat(example.path("nonce").asText()).matches("[0-9a-f]{32}");
            ObjectNode body = example.deepCopy();
            // the envelope's header, which the verifier takes off before it reads the command's own members
            body.remove(java.util.List.of("type", "actor", "nonce", "issuedAt", "occurredAt"));
            CommandJson.convert(body, command.getValue(), "the example " + command.getKey());
        }
        Set<String> files;
        try (var listing = Files.list(Path.of("src/main/resources/openapi/examples"))) {
            files = listing.map(p -> p.getFileName().toString().replace(".json", "")).collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(files).as("no example of a command nobody takes").isEqualTo(new TreeSet<>(accepted.keySet()));
    }

    @Test
    void anExampleWithAMemberItsCommandLacksWouldBeCaught() {
        ObjectNode example = CanonicalJson.mapper().createObjectNode().put("transferId", "t")
                .put("reason", "r").put("missingItems", "x");
        Class<?> body = accepted().get("RejectTransfer");
        assertThatThrownBy(() -> CommandJson.convert(example, body, "the example"))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("unknown-field"));
        assertThat(Arrays.stream(body.getRecordComponents()).map(c -> c.getName())).contains("reason");
    }
}
