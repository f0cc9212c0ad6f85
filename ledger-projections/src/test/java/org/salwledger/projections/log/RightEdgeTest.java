package org.salwledger.projections.log;

import org.junit.jupiter.api.Test;
import org.salwledger.core.log.MerkleHashes;
import org.salwledger.core.log.MerkleTree;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The writer's memory answers exactly the left siblings the RFC 9162 append needs, for every size up to 300. */
class RightEdgeTest {

    @Test
    void theRememberedLeftSiblingsBuildTheSameTreeAsTheStoredNodes() {
        RightEdge edge = new RightEdge();
        Map<String, byte[]> stored = new HashMap<>();
        List<byte[]> leaves = new ArrayList<>();
        for (long index = 0; index < 300; index++) {
            assertThat(edge.nextIndex(() -> 0L)).isEqualTo(index);
            byte[] hash = MerkleHashes.leaf(Long.toString(index).getBytes());
            leaves.add(hash);
            int level = 0;
            long at = index;
            stored.put(level + "/" + at, hash);
            edge.completed(level, at, hash);
            while ((at & 1) == 1) {
                byte[] left = edge.node(level, at - 1).orElseThrow(() -> new AssertionError("no left sibling in memory"));
                assertThat(left).isEqualTo(stored.get(level + "/" + (at - 1)));
                hash = MerkleHashes.node(left, hash);
                level++;
                at >>= 1;
                stored.put(level + "/" + at, hash);
                edge.completed(level, at, hash);
            }
            edge.appended(index);
            long size = index + 1;
            if (Long.bitCount(size) == 1) {
                assertThat(hash).isEqualTo(new MerkleTree(leaves).root(size));
            }
        }
    }

    @Test
    void aForgottenEdgeAsksTheDatabaseAgainAndKnowsNoSibling() {
        RightEdge edge = new RightEdge();
        edge.completed(0, 6, new byte[32]);
        edge.appended(6);
        assertThat(edge.nextIndex(() -> 99L)).isEqualTo(7);
        assertThat(edge.node(0, 6)).isPresent();
        assertThat(edge.node(0, 5)).isEmpty();
        edge.forget();
        assertThat(edge.nextIndex(() -> 99L)).isEqualTo(99);
        assertThat(edge.node(0, 6)).isEmpty();
    }
}
