package org.salwledger.core.command;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/**
 * Matches the refusal of a domain rule by its slug, so a given/when/expect test says which rule
 * refused the command, not only that one did: {@code .expectException(refusal("item-stolen"))}.
 */
public final class Refusals {
    private Refusals() {
    }

    public static Matcher<Refusal> refusal(String slug) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Refusal violation) {
                return slug.equals(violation.code());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal with slug ").appendValue(slug);
            }

            @Override
            protected void describeMismatchSafely(Refusal violation, Description mismatch) {
                mismatch.appendText("was refused with slug ").appendValue(violation.code())
                        .appendText(": ").appendText(String.valueOf(violation.getMessage()));
            }
        };
    }
}
