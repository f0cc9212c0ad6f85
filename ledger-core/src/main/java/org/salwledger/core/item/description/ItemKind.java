package org.salwledger.core.item.description;

public enum ItemKind { WEAPON, PART }
