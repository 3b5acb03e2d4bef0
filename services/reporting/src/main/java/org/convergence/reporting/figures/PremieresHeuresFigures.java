package org.convergence.reporting.figures;

/**
 * Premières Heures in a year: distinct participants with a PH pathway active on a day of it, PH pathways
 * started in it, and PH pathways promoted to a Convergence CDDI in it.
 */
public record PremieresHeuresFigures(int active, int started, int promotions) {
}
