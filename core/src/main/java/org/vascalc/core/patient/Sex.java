package org.vascalc.core.patient;

public enum Sex { FEMALE, MALE }
