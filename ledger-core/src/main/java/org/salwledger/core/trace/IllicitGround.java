package org.salwledger.core.trace;

/** Why the item is illicit (ITI paragraph 6). */
public enum IllicitGround {
    ILLICIT_WHERE_FOUND, EMBARGO_BREACH, NOT_MARKED, UNLICENSED_MANUFACTURE, UNLICENSED_TRANSFER
}
