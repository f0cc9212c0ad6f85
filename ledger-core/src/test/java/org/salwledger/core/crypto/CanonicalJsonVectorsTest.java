package org.salwledger.core.crypto;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 8785 examples from the RFC authors' reference test set (TLOG-VECTORS.md §3.4). */
class CanonicalJsonVectorsTest {

    private static String canonical(String json) {
        return new String(CanonicalJson.canonicalize(json.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @Test
    void values() {
        String input = "{\"numbers\":[333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001], "
                + "\"string\":\"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\", \"literals\":[null, true, false]}";
        assertThat(canonical(input)).isEqualTo("{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
    }

    @Test
    void structures() {
        assertThat(canonical("{\"1\":{\"f\":{\"f\":\"hi\",\"F\":5},\"\\n\":56.0},\"10\":{},\"\":\"empty\",\"a\":{},\"111\":[{\"e\":\"yes\",\"E\":\"no\"}],\"A\":{}}"))
                .isEqualTo("{\"\":\"empty\",\"1\":{\"\\n\":56,\"f\":{\"F\":5,\"f\":\"hi\"}},\"10\":{},\"111\":[{\"E\":\"no\",\"e\":\"yes\"}],\"A\":{},\"a\":{}}");
    }

    @Test
    void arraysKeepTheirOrder() {
        assertThat(canonical("[56,{\"d\":true,\"10\":null,\"1\":[]}]")).isEqualTo("[56,{\"1\":[],\"10\":null,\"d\":true}]");
    }

    @Test
    void keysSortByUtf16CodeUnits() {
        String input = "{\"\\u20ac\":\"Euro Sign\",\"\\r\":\"Carriage Return\",\"\\ufb33\":\"Hebrew Letter Dalet With Dagesh\","
                + "\"1\":\"One\",\"\\ud83d\\ude02\":\"Smiley\",\"\\u0080\":\"Control\",\"\\u00f6\":\"Latin Small Letter O With Diaeresis\","
                + "\"</script>\":\"Browser Challenge\",\"\\n\":\"Newline\"}";
        String out = canonical(input);
        int[] order = {out.indexOf("Newline"), out.indexOf("Carriage"), out.indexOf("One"), out.indexOf("Browser"),
                out.indexOf("Control"), out.indexOf("Diaeresis"), out.indexOf("Euro"), out.indexOf("Smiley"), out.indexOf("Hebrew")};
        for (int i = 1; i < order.length; i++) {
            assertThat(order[i]).isGreaterThan(order[i - 1]);
        }
    }

    @Test
    void noUnicodeNormalization() {
        byte[] out = CanonicalJson.canonicalize("[\"A\\u030a\"]".getBytes(StandardCharsets.UTF_8));
        assertThat(HexFormat.of().formatHex(out)).isEqualTo("5b22" + "41cc8a" + "225d");
    }

    @Test
    void numbersUseEs6Formatting() {
        assertThat(canonical("[9007199254740994, 1e21, 0.000001, -0]")).isEqualTo("[9007199254740994,1e+21,0.000001,0]");
    }
}
