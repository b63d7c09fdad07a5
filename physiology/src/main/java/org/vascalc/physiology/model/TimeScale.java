package org.vascalc.physiology.model;

/**
 * How fast a state variable relaxes. FAST variables (gut pools, PTH, drug and vitamin K plasma
 * levels: hours) follow the daily cycle of meals and doses; SLOW variables (bone, gland capacity,
 * carboxylated MGP, wall mineral: weeks to years) are advanced with day-scale steps in fast mode
 * using derivatives averaged over the periodic daily orbit of the FAST ones (model-anchors 5.5).
 */
public enum TimeScale { FAST, SLOW }
