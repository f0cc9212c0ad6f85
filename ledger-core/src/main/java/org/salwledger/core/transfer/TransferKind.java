package org.salwledger.core.transfer;

public enum TransferKind { EXPORT, DOMESTIC, STATE_TO_CIVILIAN, RETURN }
