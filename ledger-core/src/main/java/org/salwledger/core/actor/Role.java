package org.salwledger.core.actor;

/** DESIGN.md §4 actor roles. */
public enum Role { ADMIN, MANUFACTURER, AUTHORITY, HOLDER, LAW_ENFORCEMENT, INVESTIGATOR, AUDITOR }
