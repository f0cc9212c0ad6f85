package org.salwledger.projections.log;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The log writer's memory of the tree's right edge: the next leaf index and, per level, the last two nodes it
 * completed — a node is stored before its parent is computed, so its left sibling is the one before it
 * (nodes of a level are completed left to right). Saves the two reads per record the database would
 * otherwise answer.
 * Only the single writer thread touches it, and only within one batch (LogAppender forgets it at the start
 * of each unit of work).
 */
final class RightEdge {
    private record Node(long index, byte[] hash) {}

    private long next = -1;
    private final Map<Integer, Node> lastByLevel = new HashMap<>();
    private final Map<Integer, Node> previousByLevel = new HashMap<>();

    long nextIndex(Supplier<Long> fromDatabase) {
        if (next < 0) {
            next = fromDatabase.get();
        }
        return next;
    }

    Optional<byte[]> node(int level, long index) {
        for (Node node : new Node[] {lastByLevel.get(level), previousByLevel.get(level)}) {
            if (node != null && node.index() == index) {
                return Optional.of(node.hash());
            }
        }
        return Optional.empty();
    }

    void completed(int level, long index, byte[] hash) {
        Node replaced = lastByLevel.put(level, new Node(index, hash));
        if (replaced != null) {
            previousByLevel.put(level, replaced);
        }
    }

    void appended(long index) {
        next = index + 1;
    }

    void forget() {
        next = -1;
        lastByLevel.clear();
        previousByLevel.clear();
    }
}
