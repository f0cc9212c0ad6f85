package org.salwledger.core.trace;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.salwledger.core.command.CommandOrigin;
import org.salwledger.core.item.description.ItemKind;
import org.salwledger.core.item.description.WeaponCategory;
import org.salwledger.core.item.marking.ObservedMarking;

import java.time.Instant;
import java.util.List;

/**
 * An ITI section V trace request. {@code candidateItems} are the items the ledger matched when it was
 * submitted; {@code requestedState} is the one asked, filled by the ledger from the best candidate's
 * marks when the requester leaves it out.
 */
public record SubmitTraceRequest(@TargetAggregateIdentifier String traceId, List<ObservedMarking> observedMarkings,
                                 ItemKind kind, WeaponCategory category, String calibre, String make, String model,
                                 Instant recoveredAt, String recoveredPlace, String circumstances,
                                 List<IllicitGround> illicitGrounds, String legalBasis, String intendedUse,
                                 TracePriority priority, String priorityJustification, String requestedState,
                                 List<String> candidateItems, CommandOrigin origin) {
}
