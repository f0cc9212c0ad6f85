package org.salwledger.core.transfer;

public enum TransferState { DISPATCHED, RECEIVED, REJECTED }
