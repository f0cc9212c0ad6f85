package org.salwledger.api.intake;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.salwledger.core.command.Refusal;
import org.salwledger.core.item.marking.ObservedMarking;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Refusals of a payload's JSON name the field and the rule, in the ledger's words, not the parser's. */
class CommandJsonTest {

    private static Refusal refusalOf(String json) {
        JsonNode node = CommandJson.tree(json.getBytes(StandardCharsets.UTF_8), "the payload");
        return catchThrowableOfType(Refusal.class, () -> CommandJson.convert(node, ObservedMarking.class, "the payload"));
    }

    @Test
    void aMissingOrNullBooleanIsAMissingField() {
        for (String json : new String[] {"{\"text\":\"AB1\"}", "{\"text\":\"AB1\",\"obliterated\":null}"}) {
            Refusal refusal = refusalOf(json);
            assertThat(refusal.code()).as(json).isEqualTo("missing-field");
            assertThat(refusal.getMessage()).contains("'obliterated'").contains("true or false")
                    .doesNotContainIgnoringCase("jackson").doesNotContain("DeserializationFeature")
                    .doesNotContain("creator");
        }
    }

    @Test
    void aBooleanOfTheWrongTypeIsAnInvalidField() {
        Refusal refusal = refusalOf("{\"text\":\"AB1\",\"obliterated\":\"yes\"}");
        assertThat(refusal.code()).isEqualTo("invalid-field");
        assertThat(refusal.getMessage()).contains("'obliterated'").doesNotContain("DeserializationFeature");
    }
}
