package org.salwledger.core.trace;

public enum TracePriority { ROUTINE, URGENT }
