package org.salwledger.core.log;

import java.util.Base64;

/**
 * Why a Merkle proof did not verify, so a verifier can say more than "no" (as transparency-dev/merkle's
 * {@code RootMismatchError{Size, Computed, Expected}} does).
 */
public sealed interface ProofFailure {

    /** One line for people: what was wrong, with the figures. */
    String describe();

    /** The leaf index is not in a tree of this size, or the sizes are out of order. */
    record OutOfRange(long index, long size) implements ProofFailure {
        @Override
        public String describe() {
            return "index " + index + " is out of range for a tree of size " + size;
        }
    }

    /** The proof has the wrong number of hashes for the sizes it claims to connect. */
    record WrongProofSize(int got, int want) implements ProofFailure {
        @Override
        public String describe() {
            return "the proof has " + got + " hashes, the sizes need " + want;
        }
    }

    /** A hash in the proof (or a root or leaf given) is missing or not 32 bytes. */
    record MalformedHash(String which) implements ProofFailure {
        @Override
        public String describe() {
            return which + " is not a 32-byte hash";
        }
    }

    /** The proof recomputes a root for a tree of {@code size} that differs from the expected one. */
    record RootMismatch(long size, byte[] computed, byte[] expected) implements ProofFailure {
        @Override
        public String describe() {
            Base64.Encoder b64 = Base64.getEncoder();
            return "the proof computes root " + b64.encodeToString(computed) + " for size " + size + ", expected "
                    + b64.encodeToString(expected);
        }
    }
}
