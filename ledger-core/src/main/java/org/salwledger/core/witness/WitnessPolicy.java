package org.salwledger.core.witness;

import org.salwledger.core.log.NoteVerifierKey;
import org.salwledger.core.log.SignedNote;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which witnesses a verifier trusts and how many of them must have cosigned a checkpoint before it
 * counts. The text form, one statement per line ({@code #} starts a comment):
 * <pre>
 * witness &lt;vkey (type 0x04)&gt; [&lt;submission URL&gt;]
 * quorum &lt;n&gt;
 * </pre>
 * Without a quorum line every listed witness is required. The ledger reads the same file to know where
 * to submit its checkpoints (the URLs); verifiers ignore them.
 */
public record WitnessPolicy(List<Member> witnesses, int quorum) {

    /** A trusted witness: its cosigner key and, for the log that submits to it, where it listens. */
    public record Member(NoteVerifierKey key, Optional<URI> url) {
        public String name() {
            return key.name();
        }
    }

    public WitnessPolicy {
        witnesses = List.copyOf(witnesses);
        if (quorum < 0 || quorum > witnesses.size()) {
            throw new IllegalArgumentException("a quorum of " + quorum + " cannot be met by " + witnesses.size()
                    + " witness(es)");
        }
        Set<String> names = new LinkedHashSet<>();
        for (Member member : witnesses) {
            if (!names.add(member.name())) {
                throw new IllegalArgumentException("witness " + member.name() + " is listed twice");
            }
        }
    }

    /** No witnesses, quorum 0: a checkpoint counts once the log signed it. */
    public static WitnessPolicy none() {
        return new WitnessPolicy(List.of(), 0);
    }

    public boolean required() {
        return quorum > 0;
    }

    public static WitnessPolicy parse(String text) {
        List<Member> members = new ArrayList<>();
        Integer quorum = null;
        int number = 0;
        for (String raw : text.split("\n", -1)) {
            number++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.split("\\s+");
            try {
                switch (words[0]) {
                    case "witness" -> {
                        if (words.length < 2 || words.length > 3) {
                            throw new IllegalArgumentException("want: witness <vkey> [<url>]");
                        }
                        Optional<URI> url = words.length == 3 ? Optional.of(URI.create(words[2])) : Optional.empty();
                        members.add(new Member(NoteVerifierKey.parse(words[1], NoteVerifierKey.COSIGNATURE_V1), url));
                    }
                    case "quorum" -> {
                        if (words.length != 2 || quorum != null) {
                            throw new IllegalArgumentException("want one line: quorum <n>");
                        }
                        quorum = Integer.parseInt(words[1]);
                    }
                    default -> throw new IllegalArgumentException("unknown statement '" + words[0] + "'");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("witness policy line " + number + ": " + e.getMessage(), e);
            }
        }
        return new WitnessPolicy(members, quorum == null ? members.size() : quorum);
    }

    /** The trusted witnesses whose cosignature on {@code note} verifies (their names, in policy order). */
    public List<String> cosigners(String note) {
        SignedNote.Parts parts = SignedNote.split(note);
        List<String> cosigned = new ArrayList<>();
        for (Member member : witnesses) {
            NoteVerifierKey key = member.key();
            for (SignedNote.Signature signature : parts.signatures()) {
                if (signature.name().equals(key.name()) && signature.keyId() == key.keyId()) {
                    if (Cosignature.verify(key, parts.text(), signature).isEmpty()) {
                        throw new IllegalArgumentException("invalid cosignature by witness " + key.name());
                    }
                    if (!cosigned.contains(key.name())) {
                        cosigned.add(key.name());
                    }
                }
            }
        }
        return cosigned;
    }

    /**
     * Refuses a note that fewer than {@link #quorum} trusted witnesses cosigned, or that carries a failing
     * cosignature by a trusted witness (C2SP: a known key's signature must verify); cosignatures by
     * witnesses the policy does not name are ignored. Answers who cosigned.
     */
    public List<String> requireQuorum(String note) {
        List<String> cosigned = cosigners(note);
        if (cosigned.size() < quorum) {
            throw new IllegalArgumentException("the checkpoint is cosigned by " + cosigned.size() + " of the " + quorum
                    + " witnesses the policy requires" + (cosigned.isEmpty() ? "" : " (" + String.join(", ", cosigned) + ")"));
        }
        return cosigned;
    }
}
