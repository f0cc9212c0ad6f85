package org.salwledger.core.item;

public enum TransferKind { EXPORT, DOMESTIC, STATE_TO_CIVILIAN, RETURN }
