package org.salwledger.core.item.description;

public enum Material { METAL, POLYMER, ADDITIVE, MIXED }
