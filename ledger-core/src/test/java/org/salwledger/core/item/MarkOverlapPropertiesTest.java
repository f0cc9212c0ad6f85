package org.salwledger.core.item;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.salwledger.core.item.marking.MarkText;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link MarkText#couldBeTheSame} against brute force: is there a text that both readings match? */
class MarkOverlapPropertiesTest {

    @Test
    void twoPartialReadingsOfOneSerial() {
        assertThat(MarkText.couldBeTheSame("GK5??123", "GK?AB1*")).isTrue();
        assertThat(MarkText.couldBeTheSame("GK5??123", "GK6*")).isFalse();
        assertThat(MarkText.couldBeTheSame("*123", "AB*")).isTrue();
        assertThat(MarkText.couldBeTheSame("AB?", "AB")).as("? is exactly one character").isFalse();
        assertThat(MarkText.couldBeTheSame("AB*", "AB")).as("* may be empty").isTrue();
        assertThat(MarkText.couldBeTheSame("", "*")).isTrue();
    }

    @Property(tries = 400)
    void agreesWithBruteForce(@ForAll("readings") String a, @ForAll("readings") String b) {
        assertThat(MarkText.couldBeTheSame(a, b)).as(a + " vs " + b).isEqualTo(someTextMatchesBoth(a, b));
        assertThat(MarkText.couldBeTheSame(b, a)).isEqualTo(MarkText.couldBeTheSame(a, b));
    }

    @Provide
    Arbitrary<String> readings() {
        return Arbitraries.of('A', 'B', '?', '*').list().ofMaxSize(5)
                .map(chars -> chars.stream().map(String::valueOf).reduce("", String::concat));
    }

    /** A shortest common text is no longer than both readings together; A, B and one other letter suffice. */
    private static boolean someTextMatchesBoth(String a, String b) {
        Pattern pa = regex(a);
        Pattern pb = regex(b);
        return search("", a.length() + b.length(), pa, pb);
    }

    private static boolean search(String text, int maxLength, Pattern pa, Pattern pb) {
        if (pa.matcher(text).matches() && pb.matcher(text).matches()) {
            return true;
        }
        if (text.length() == maxLength) {
            return false;
        }
        for (char c : new char[] {'A', 'B', 'C'}) {
            if (search(text + c, maxLength, pa, pb)) {
                return true;
            }
        }
        return false;
    }

    private static Pattern regex(String reading) {
        return Pattern.compile(reading.replace("?", ".").replace("*", ".*"));
    }
}
