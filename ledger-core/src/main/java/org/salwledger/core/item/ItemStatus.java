package org.salwledger.core.item;

public enum ItemStatus { ACTIVE, IN_TRANSIT, LOST, STOLEN, SEIZED, DEACTIVATED, DESTROYED }
