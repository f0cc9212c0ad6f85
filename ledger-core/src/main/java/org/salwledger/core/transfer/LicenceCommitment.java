package org.salwledger.core.transfer;

import org.salwledger.core.crypto.Sha256;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A civilian end user's licence reference is personal data (docs/domain-rules.md rule 17): the signed
 * command, its record and the log carry only a salted commitment to it, {@code SHA-256("salw-ledger:
 * licence:v1\n" || salt-hex || "\n" || reference)} in lowercase hex. The opening (salt and reference)
 * travels beside the envelope and is kept sealed, apart, where it can be shown to those entitled and
 * erased; the commitment binds the signer to it and reveals nothing.
 */
public final class LicenceCommitment {
    private static final String DOMAIN = "salw-ledger:licence:v1\n";
    private static final Pattern HEX_64 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern SALT = Pattern.compile("[0-9a-f]{32,64}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_REFERENCE = 200;

    private LicenceCommitment() {}

    /** The reference and the salt that open a commitment. */
    public record Opening(String salt, String reference) {
        public Opening {
            if (salt == null || !SALT.matcher(salt).matches()) {
                throw new IllegalArgumentException("the salt is 32-64 lowercase hex characters");
            }
            if (reference == null || reference.isBlank() || reference.length() > MAX_REFERENCE
                    || reference.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("the licence reference is 1-" + MAX_REFERENCE
                        + " characters without control characters");
            }
        }

        /** A fresh opening with 16 random bytes of salt. */
        public static Opening of(String reference) {
            byte[] salt = new byte[16];
            RANDOM.nextBytes(salt);
            return new Opening(HexFormat.of().formatHex(salt), reference);
        }

        public String commitment() {
            return HexFormat.of().formatHex(Sha256.digest((DOMAIN + salt + "\n" + reference)
                    .getBytes(StandardCharsets.UTF_8)));
        }

        /** The header form: {@code v1.<salt>.<base64url of the reference, unpadded>}. */
        public String encode() {
            return "v1." + salt + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(reference.getBytes(StandardCharsets.UTF_8));
        }

        public static Opening decode(String encoded) {
            String[] parts = encoded == null ? new String[0] : encoded.trim().split("\\.", -1);
            if (parts.length != 3 || !parts[0].equals("v1")) {
                throw new IllegalArgumentException("an opening is v1.<salt>.<base64url reference>");
            }
            return new Opening(parts[1], new String(Base64.getUrlDecoder().decode(parts[2]), StandardCharsets.UTF_8));
        }
    }

    public static boolean isCommitment(String value) {
        return value != null && HEX_64.matcher(value).matches();
    }
}
