package org.salwledger.core.item;

public enum ItemKind { WEAPON, PART }
