package org.salwledger.api.problem;

/**
 * The command's group committed but could not be made durable ({@code DurableCommits}): it may or may not be
 * there after a restart, so the answer is neither "recorded" nor "nothing was recorded". Sending the same
 * envelope again tells which: a recorded envelope is answered from the store, a lost one is written anew.
 */
public class CommitUnconfirmed extends RuntimeException {
    public CommitUnconfirmed(Throwable cause) {
        super("the command was committed but the ledger could not confirm it reached its files", cause);
    }
}
