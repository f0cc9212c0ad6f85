package org.salwledger.core.item.description;

public enum TransferKind { EXPORT, DOMESTIC, STATE_TO_CIVILIAN, RETURN }
