package org.salwledger.api.intake;

import org.axonframework.commandhandling.CommandExecutionException;
import org.salwledger.core.command.Refusal;

/** Finds the {@link Refusal} in a failed submission, however the command bus wrapped it. */
public final class Refusals {
    private Refusals() {}

    /** The refusal, or null when the command failed for another reason. */
    public static Refusal in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof Refusal refusal) {
                return refusal;
            }
            if (t instanceof CommandExecutionException cee && cee.getDetails().orElse(null) instanceof Refusal refusal) {
                return refusal;
            }
        }
        return null;
    }
}
