package org.salwledger.core.item.marking;

import org.salwledger.core.item.description.PartType;

/**
 * A marking as an investigator read it on a recovered item: {@code ?} stands for one unreadable
 * character and {@code *} for an unknown run (docs/domain-rules.md rule 3).
 */
public record ObservedMarking(String text, PartType component, boolean obliterated) {
}
