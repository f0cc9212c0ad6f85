package org.salwledger.core.item;

public enum Material { METAL, POLYMER, ADDITIVE, MIXED }
