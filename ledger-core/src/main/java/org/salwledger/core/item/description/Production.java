package org.salwledger.core.item.description;

public enum Production { INDUSTRIAL, CRAFT, ADDITIVE, CONVERTED }
