package org.salwledger.core.item.marking;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The form of a serial used for uniqueness (docs/domain-rules.md rule 2): NFKC, upper case, without spaces,
 * dashes, dots and slashes. Marks are stored exactly as read; only this key is normalised.
 */
public final class Serials {
    private Serials() {}

    public static String normalize(String serial) {
        String nfkc = Normalizer.normalize(serial, Normalizer.Form.NFKC);
        return nfkc.toUpperCase(Locale.ROOT).replaceAll("[\\s\\-./]", "");
    }
}
