package org.salwledger.core.item.description;

public enum ItemStatus { ACTIVE, IN_TRANSIT, LOST, STOLEN, SEIZED, DEACTIVATED, DESTROYED }
