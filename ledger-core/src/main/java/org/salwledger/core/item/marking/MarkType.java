package org.salwledger.core.item.marking;

/** ITI 8(a) MANUFACTURE, 8(b) IMPORT, 8(c) STATE_TO_CIVILIAN, para 9 CONFISCATION, and the rest. */
public enum MarkType { MANUFACTURE, IMPORT, STATE_TO_CIVILIAN, CONFISCATION, DEACTIVATION, REMARK }
