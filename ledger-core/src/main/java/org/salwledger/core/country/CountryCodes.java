package org.salwledger.core.country;

import java.util.Locale;
import java.util.Set;

/**
 * ISO 3166-1 alpha-2 validation (docs/domain-rules.md §1.6): officially assigned codes only, plus XK
 * (Kosovo), user-assigned but used in practice. Names and historic codes are refused.
 */
public final class CountryCodes {
    private static final Set<String> ASSIGNED = Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));
    private static final Set<String> ALLOWED_USER_ASSIGNED = Set.of("XK");

    private CountryCodes() {}

    public static boolean isValid(String code) {
        return code != null && (ASSIGNED.contains(code) || ALLOWED_USER_ASSIGNED.contains(code));
    }
}
