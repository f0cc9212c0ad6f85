package org.salwledger.core.command;

/** DESIGN.md §4 actor roles. */
public enum Role { ADMIN, MANUFACTURER, AUTHORITY, HOLDER, LAW_ENFORCEMENT, INVESTIGATOR, AUDITOR }
