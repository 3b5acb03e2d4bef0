package org.convergence.reporting.figures;

import org.convergence.platform.programs.ProgramCatalog;

import java.time.LocalDate;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The yearly figures of DOMAIN.md, computed from pathways and the dates their chantiers started carrying
 * Convergence. Pure: the same pathways always give the same figures, whatever order the facts arrived in.
 */
public final class YearFigures {

    static final String CONVERGENCE = ProgramCatalog.CONVERGENCE;
    static final String PREMIERES_HEURES = ProgramCatalog.PREMIERES_HEURES;
    /** Months are days / 30.4375 (DOMAIN.md: averagePathwayMonths). */
    static final double DAYS_PER_MONTH = 30.4375;
    static final Set<String> DYNAMIC = Set.of("DURABLE_EMPLOYMENT", "TRANSITIONAL_EMPLOYMENT", "POSITIVE_EXIT");
    static final String NEUTRALISED = "NEUTRALISED";

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
    public List<PathwayRecord> exits(Collection<PathwayRecord> pathways) {
        return pathways.stream().filter(this::isExit).toList();
    }

    /** averagePathwayMonths: over the exits, exit date minus the real CDDI start, in months of 30.4375 days. */
    public Mean averagePathwayMonths(Collection<PathwayRecord> pathways) {
        List<PathwayRecord> exits = exits(pathways);
        return monthsOver(exits.stream().mapToLong(YearFigures::days).sum(), exits.size());
    }

    /**
     * The mean of pathways lasting {@code days} in all: summed in whole days, then divided, so a sum kept by
     * counters (ADR 0031) and one folded over the pathways are the same number, whatever the order.
     */
    static Mean monthsOver(long days, int pathways) {
        return Mean.of(days / DAYS_PER_MONTH, pathways);
    }

    /**
     * dynamicExits (ASP rule for ACI): over the exits except NEUTRALISED ones and pathways shorter than three
     * months, the share in durable or transitional employment or a positive exit. An exit still without its
     * category (historic imports) stays in the denominator, not known to be dynamic, until it is corrected.
     */
    public Rate dynamicExits(Collection<PathwayRecord> pathways) {
        List<PathwayRecord> counted = exits(pathways).stream()
                .filter(p -> !NEUTRALISED.equals(p.exitCategory()))
                .filter(p -> !p.exitDate().isBefore(p.entryDate().plusMonths(3)))
                .toList();
        int dynamic = (int) counted.stream().filter(p -> p.exitCategory() != null && DYNAMIC.contains(p.exitCategory())).count();
        return Rate.of(dynamic, counted.size());
    }

    /**
     * fromPremieresHeures: over the accompanied, the share who had a Premières Heures pathway (at any chantier)
     * that began before their Convergence entry.
     *
     * @param everyPathwayOfTheirs all pathways of the accompanied participants, wherever they were
     */
    public Rate fromPremieresHeures(Collection<PathwayRecord> pathways,
                                    Collection<PathwayRecord> everyPathwayOfTheirs) {
        Map<String, LocalDate> firstConvergenceEntry = new HashMap<>();
        pathways.stream().filter(this::isAccompanied).forEach(p ->
                firstConvergenceEntry.merge(p.participantId(), p.entryDate(), (a, b) -> a.isBefore(b) ? a : b));
        Set<String> cameFromPremieresHeures = everyPathwayOfTheirs.stream()
                .filter(p -> PREMIERES_HEURES.equals(p.program()) && p.entryDate() != null)
                .filter(p -> firstConvergenceEntry.containsKey(p.participantId())
                        && p.entryDate().isBefore(firstConvergenceEntry.get(p.participantId())))
                .map(PathwayRecord::participantId)
                .collect(Collectors.toSet());
        return Rate.of(cameFromPremieresHeures.size(), firstConvergenceEntry.size());
    }

    /** Premières Heures: participants active in the year, pathways started in it, promotions to a CDDI in it. */
    public PremieresHeuresFigures premieresHeures(Collection<PathwayRecord> pathways) {
        List<PathwayRecord> premieresHeures = pathways.stream()
                .filter(p -> PREMIERES_HEURES.equals(p.program()) && p.entryDate() != null).toList();
        int active = (int) premieresHeures.stream()
                .filter(p -> !p.entryDate().isAfter(lastDay) && (p.exitDate() == null || !p.exitDate().isBefore(firstDay)))
                .map(PathwayRecord::participantId).distinct().count();
        int started = (int) premieresHeures.stream().filter(p -> inYear(p.entryDate())).count();
        int promotions = (int) premieresHeures.stream()
                .filter(p -> p.promotedTo() != null && p.exitDate() != null && inYear(p.exitDate())).count();
        return new PremieresHeuresFigures(active, started, promotions);
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
        return exit != null && inYear(exit) && countedFrom(pathway).filter(start -> !exit.isBefore(start)).isPresent();
    }

    Year year() {
        return Year.of(firstDay.getYear());
    }

    /** The day a Convergence pathway starts counting (see {@link #countedFrom}), for figures of other packages' facts. */
    Optional<LocalDate> countingStart(PathwayRecord pathway) {
        return countedFrom(pathway);
    }

    private boolean inYear(LocalDate date) {
        return !date.isBefore(firstDay) && !date.isAfter(lastDay);
    }

    static long days(PathwayRecord pathway) {
        return ChronoUnit.DAYS.between(pathway.entryDate(), pathway.exitDate());
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
