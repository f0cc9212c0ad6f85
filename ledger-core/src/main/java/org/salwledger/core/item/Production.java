package org.salwledger.core.item;

public enum Production { INDUSTRIAL, CRAFT, ADDITIVE, CONVERTED }
