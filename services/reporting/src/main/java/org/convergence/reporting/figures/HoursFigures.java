package org.convergence.reporting.figures;

/**
 * The hours figures of a territory, chantier or the nation for a year (DOMAIN.md "Figures", issue 8; definitions in
 * docs/domain-decisions.md "Hours figures"): hours worked by program in the ISO weeks of the year, Premières Heures
 * participants by the weekly hours of their contract at the end of the year (or of their pathway), and step-ups
 * decided.
 */
public record HoursFigures(long workedPremieresHeures, long workedConvergence, long workedOtherPrograms,
                           PremieresHeuresContracts premieresHeuresContracts, int stepUpsDecided) {

    /** Premières Heures participants by contracted weekly hours: 4, 5 to 6, 7 to 8, more than 8. */
    public record PremieresHeuresContracts(int fourHours, int fiveToSixHours, int sevenToEightHours,
                                           int moreThanEightHours) {
    }
}
