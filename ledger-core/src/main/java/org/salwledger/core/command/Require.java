package org.salwledger.core.command;

import org.salwledger.core.country.CountryCodes;

import java.util.Arrays;

/** The checks every command handler repeats, each raising the same stable problem code. */
public final class Require {
    private Require() {}

    public static void role(CommandOrigin origin, Role... allowed) {
        if (Arrays.stream(allowed).noneMatch(r -> r == origin.role())) {
            throw Refusal.forbidden("role-not-allowed",
                    "role " + origin.role() + " may not give this command; allowed: " + Arrays.toString(allowed));
        }
    }

    public static String text(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw Refusal.unprocessable("missing-field", "'" + field + "' is required");
        }
        return optionalText(value, field, maxLength);
    }

    public static String optionalText(String value, String field, int maxLength) {
        if (value != null && value.length() > maxLength) {
            throw Refusal.unprocessable("invalid-field",
                    "'" + field + "' is longer than " + maxLength + " characters");
        }
        return value;
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw Refusal.unprocessable("missing-field", "'" + field + "' is required");
        }
        return value;
    }

    public static String country(String code, String field) {
        if (!CountryCodes.isValid(code)) {
            throw Refusal.unprocessable("bad-country-code",
                    "'" + field + "' must be an ISO 3166-1 alpha-2 code, got '" + code + "'");
        }
        return code;
    }
}
