package org.convergence.reporting.figures;

/** One chantier's figures for a year: the territory figures computed over that chantier's pathways only. */
public record ChantierFigures(String chantierId, String territoryId, TerritoryFigures figures) {
}
