package org.convergence.reporting.figures;

import java.time.LocalDate;
import java.time.Year;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The yearly figures of DOMAIN.md, computed from pathways and the dates their chantiers started carrying
 * Convergence. Pure: the same pathways always give the same figures, whatever order the facts arrived in.
 */
public final class YearFigures {

    public static final String CONVERGENCE = "CONVERGENCE";

    private final Map<String, LocalDate> convergenceStarts;
    private final LocalDate firstDay;
    private final LocalDate lastDay;

    /**
     * @param convergenceStarts per chantier, the day it started carrying Convergence; a chantier not known yet
     *                          counts from each pathway's own entry date
     */
    public YearFigures(Map<String, LocalDate> convergenceStarts, Year year) {
        this.convergenceStarts = convergenceStarts;
        this.firstDay = year.atDay(1);
        this.lastDay = year.atMonth(12).atEndOfMonth();
    }

    /** accompanied: distinct participants with a Convergence pathway active on at least one counted day of the year. */
    public Set<String> accompaniedParticipants(Collection<PathwayRecord> pathways) {
        return pathways.stream().filter(this::isAccompanied).map(PathwayRecord::participantId)
                .collect(Collectors.toSet());
    }

    /** exits: Convergence pathways whose exit date falls in the year, on or after the counting start. */
    public int exits(Collection<PathwayRecord> pathways) {
        return (int) pathways.stream().filter(this::isExit).count();
    }

    boolean isAccompanied(PathwayRecord pathway) {
        return countedFrom(pathway)
                .filter(start -> !start.isAfter(lastDay))
                .filter(start -> pathway.exitDate() == null
                        || (!pathway.exitDate().isBefore(start) && !pathway.exitDate().isBefore(firstDay)))
                .isPresent();
    }

    boolean isExit(PathwayRecord pathway) {
        LocalDate exit = pathway.exitDate();
        return exit != null && !exit.isBefore(firstDay) && !exit.isAfter(lastDay)
                && countedFrom(pathway).filter(start -> !exit.isBefore(start)).isPresent();
    }

    /**
     * A Convergence pathway counts from the later of its entry date (the real CDDI start) and its chantier's
     * Convergence start: a chantier joining Convergence brings people already employed (the Lyon case).
     */
    private Optional<LocalDate> countedFrom(PathwayRecord pathway) {
        if (!CONVERGENCE.equals(pathway.program()) || pathway.entryDate() == null) {
            return Optional.empty();
        }
        LocalDate chantierStart = convergenceStarts.get(pathway.chantierId());
        if (chantierStart == null || chantierStart.isBefore(pathway.entryDate())) {
            return Optional.of(pathway.entryDate());
        }
        return Optional.of(chantierStart);
    }
}
