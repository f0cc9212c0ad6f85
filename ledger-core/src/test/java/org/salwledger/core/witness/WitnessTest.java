package org.salwledger.core.witness;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salwledger.core.crypto.SigningKey;
import org.salwledger.core.log.Checkpoint;
import org.salwledger.core.log.MerkleHashes;
import org.salwledger.core.log.MerkleTree;
import org.salwledger.core.log.NoteVerifierKey;
import org.salwledger.core.log.SignedNote;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The tlog-witness add-checkpoint rules, each status the spec names, and a restart that keeps the state. */
class WitnessTest {
    private static final String ORIGIN = "ledger.example/log";
    private static final SigningKey LOG = SigningKey.generate();
    private static final SigningKey WITNESS = SigningKey.generate();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path state;

    private final MerkleTree tree = tree("a", 20);
    private final MerkleTree fork = tree("b", 20);

    private static MerkleTree tree(String seed, int leaves) {
        List<byte[]> hashes = new ArrayList<>();
        for (int i = 0; i < leaves; i++) {
            hashes.add(MerkleHashes.leaf((seed + i).getBytes(StandardCharsets.UTF_8)));
        }
        return new MerkleTree(hashes);
    }

    private Witness witness() {
        return new Witness("witness.example/w1", WITNESS, List.of(NoteVerifierKey.of(ORIGIN, LOG.publicKey())),
                new WitnessState(state), CLOCK);
    }

    private static String checkpoint(MerkleTree tree, long size, SigningKey key) {
        return SignedNote.sign(new Checkpoint(ORIGIN, size, tree.root(size)).text(), ORIGIN, key);
    }

    private static byte[] request(long old, List<byte[]> proof, String note) {
        return new AddCheckpoint(old, proof, note).encode().getBytes(StandardCharsets.UTF_8);
    }

    private Witness.Answer add(Witness witness, MerkleTree tree, long old, long size) {
        List<byte[]> proof = old == 0 ? List.of() : tree.consistencyProof(old, size);
        return witness.addCheckpoint(request(old, proof, checkpoint(tree, size, LOG)));
    }

    @Test
    void cosignsAConsistentExtensionAndTheCosignatureVerifies() {
        Witness witness = witness();
        Witness.Answer first = add(witness, tree, 0, 5);
        assertThat(first.status()).isEqualTo(200);
        Witness.Answer second = add(witness, tree, 5, 12);
        assertThat(second.status()).isEqualTo(200);
        String cosigned = checkpoint(tree, 12, LOG) + second.body();
        WitnessPolicy policy = new WitnessPolicy(List.of(new WitnessPolicy.Member(witness.verifierKey(),
                java.util.Optional.empty())), 1);
        assertThat(policy.requireQuorum(cosigned)).containsExactly("witness.example/w1");
        assertThat(SignedNote.split(cosigned).signatures().get(1).bytes()).hasSize(72);
        // the same size again (a retry): cosigned again
        assertThat(add(witness, tree, 12, 12).status()).isEqualTo(200);
    }

    @Test
    void aWrongOldSizeIsAConflictThatNamesTheWitnessSize() {
        Witness witness = witness();
        add(witness, tree, 0, 5);
        Witness.Answer stale = add(witness, tree, 0, 8);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.contentType()).isEqualTo("text/x.tlog.size");
        assertThat(stale.body()).isEqualTo("5\n");
        assertThat(add(witness, tree, 3, 8).body()).isEqualTo("5\n");
    }

    @Test
    void aForkSignedByTheLogKeyIsRefused() {
        Witness witness = witness();
        add(witness, tree, 0, 10);
        // the fork's own proof from 10 does not connect it to the root the witness holds
        assertThat(add(witness, fork, 10, 15).status()).isEqualTo(422);
        // the same size with another root
        assertThat(add(witness, fork, 10, 10).status()).isEqualTo(409);
        // a proof from the real tree, attached to the fork's checkpoint
        byte[] body = request(10, tree.consistencyProof(10, 15), checkpoint(fork, 15, LOG));
        assertThat(witness.addCheckpoint(body).status()).isEqualTo(422);
        // nothing moved: the genuine extension is still accepted
        assertThat(add(witness, tree, 10, 15).status()).isEqualTo(200);
    }

    @Test
    void unknownLogsForeignSignaturesAndMalformedRequestsAreRefused() {
        Witness witness = witness();
        assertThat(add(witness, tree, 0, 5).status()).isEqualTo(200);
        String foreign = SignedNote.sign(new Checkpoint("other.example/log", 5, tree.root(5)).text(), "other.example/log", LOG);
        assertThat(witness.addCheckpoint(request(0, List.of(), foreign)).status()).isEqualTo(404);
        String notTheLogKey = checkpoint(tree, 8, SigningKey.generate());
        assertThat(witness.addCheckpoint(request(5, tree.consistencyProof(5, 8), notTheLogKey)).status()).isEqualTo(403);
        assertThat(witness.addCheckpoint(request(9, List.of(), checkpoint(tree, 8, LOG))).status()).isEqualTo(400);
        assertThat(witness.addCheckpoint("old five\n\n".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(400);
        assertThat(witness.addCheckpoint(("old 5\nnot-base64!\n\n" + checkpoint(tree, 8, LOG)).getBytes(StandardCharsets.UTF_8))
                .status()).isEqualTo(400);
        // a proof is empty from size 0 (a witness that never saw the log)
        Witness fresh = new Witness("witness.example/w2", WITNESS, List.of(NoteVerifierKey.of(ORIGIN, LOG.publicKey())),
                new WitnessState(state.resolve("w2")), CLOCK);
        assertThat(fresh.addCheckpoint(request(0, tree.consistencyProof(3, 8), checkpoint(tree, 8, LOG))).status())
                .isEqualTo(422);
    }

    @Test
    void aRestartedWitnessKeepsItsState() {
        add(witness(), tree, 0, 7);
        Witness restarted = witness();
        assertThat(add(restarted, tree, 0, 9).body()).isEqualTo("7\n");
        assertThat(add(restarted, fork, 7, 9).status()).isEqualTo(422);
        assertThat(add(restarted, tree, 7, 9).status()).isEqualTo(200);
    }

    @Test
    void concurrentRequestsNeverRollTheWitnessBack() throws Exception {
        Witness witness = witness();
        add(witness, tree, 0, 2);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Witness.Answer>> answers = new ArrayList<>();
            for (int size = 3; size <= 20; size++) {
                int to = size;
                answers.add(pool.submit(() -> add(witness, tree, 2, to)));
            }
            int accepted = 0;
            for (Future<Witness.Answer> answer : answers) {
                accepted += answer.get().status() == 200 ? 1 : 0;
            }
            // all claim to extend size 2: only the first one processed can
            assertThat(accepted).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
