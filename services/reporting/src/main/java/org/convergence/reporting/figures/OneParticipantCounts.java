package org.convergence.reporting.figures;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One participant's counts in a year ({@link PathwayCounts}) by one pass over their pathways, for the figure
 * counters (ADR 0044). The counters compute a participant's share before and after every fact, for the nation and
 * each of their territories, over every year of their dates: {@link PathwayCounts#of} builds the figures' streams,
 * sets and maps for each of those years, which was a fifth of a rebuild's CPU. A participant has a few pathways, so
 * this class walks them once per year with the rules of {@link YearFigures} and {@link AccompanimentFigures} spelt
 * for one person: "distinct participants" is then "any", "came from Premières Heures" is "a Premières Heures entry
 * before their first counted Convergence entry". {@link YearFigures} stays the oracle: the tests compare both share
 * for share, and the from-scratch figures use only the oracle.
 */
final class OneParticipantCounts {

    private final List<PathwayRecord> inScope;
    /** Per pathway in scope, the day it starts counting (null: never counted as accompanied). */
    private final LocalDate[] countedFrom;
    /** The entry dates of the participant's Premières Heures pathways, in any territory. */
    private final List<LocalDate> premieresHeuresEntries;
    private final Map<String, AccompanimentRecord> accompaniment;
    /** Every health-rights opening recorded in scope for the participant. */
    private final List<LocalDate> openings;

    private OneParticipantCounts(List<PathwayRecord> inScope, LocalDate[] countedFrom,
                                 List<LocalDate> premieresHeuresEntries, Map<String, AccompanimentRecord> accompaniment,
                                 List<LocalDate> openings) {
        this.inScope = inScope;
        this.countedFrom = countedFrom;
        this.premieresHeuresEntries = premieresHeuresEntries;
        this.accompaniment = accompaniment;
        this.openings = openings;
    }

    /** Null when the pathways or the accompaniment name more than one participant (left to the oracle). */
    static OneParticipantCounts of(List<PathwayRecord> inScope, List<PathwayRecord> theirs,
                                   Map<String, AccompanimentRecord> accompaniment,
                                   Map<String, LocalDate> convergenceStarts) {
        String participant = null;
        for (List<PathwayRecord> pathways : List.of(inScope, theirs)) {
            for (PathwayRecord p : pathways) {
                if (participant == null) {
                    participant = p.participantId();
                } else if (!participant.equals(p.participantId())) {
                    return null;
                }
            }
        }
        List<LocalDate> openings = new ArrayList<>();
        for (AccompanimentRecord record : accompaniment.values()) {
            if (participant == null || !participant.equals(record.participantId())) {
                return null;
            }
            openings.addAll(record.healthRightsOpenings());
        }
        LocalDate[] countedFrom = new LocalDate[inScope.size()];
        for (int i = 0; i < countedFrom.length; i++) {
            countedFrom[i] = countedFrom(inScope.get(i), convergenceStarts);
        }
        List<LocalDate> premieresHeuresEntries = new ArrayList<>();
        for (PathwayRecord p : theirs) {
            if (YearFigures.PREMIERES_HEURES.equals(p.program()) && p.entryDate() != null) {
                premieresHeuresEntries.add(p.entryDate());
            }
        }
        return new OneParticipantCounts(inScope, countedFrom, premieresHeuresEntries, accompaniment, openings);
    }

    /** The counts of one calendar year, field for field those of {@link PathwayCounts#of}. */
    PathwayCounts inYear(int year) {
        LocalDate firstDay = LocalDate.of(year, 1, 1);
        LocalDate lastDay = LocalDate.of(year, 12, 31);
        boolean withAccompaniment = !accompaniment.isEmpty();
        boolean accompanied = false;
        LocalDate firstConvergenceEntry = null;
        boolean healthOpened = false;
        long exits = 0;
        long exitDays = 0;
        long dynamic = 0;
        long dynamicCounted = 0;
        long housingExits = 0;
        long housedExits = 0;
        boolean premieresHeuresActive = false;
        long premieresHeuresStarted = 0;
        long promotions = 0;
        for (int i = 0; i < countedFrom.length; i++) {
            PathwayRecord p = inScope.get(i);
            LocalDate entry = p.entryDate();
            LocalDate exit = p.exitDate();
            LocalDate start = countedFrom[i];
            if (start != null) {
                // YearFigures.isAccompanied
                if (!start.isAfter(lastDay) && (exit == null || (!exit.isBefore(start) && !exit.isBefore(firstDay)))) {
                    accompanied = true;
                    if (firstConvergenceEntry == null || entry.isBefore(firstConvergenceEntry)) {
                        firstConvergenceEntry = entry;
                    }
                    // AccompanimentFigures.healthRightsOpened: an opening in this pathway's window
                    if (withAccompaniment && !healthOpened) {
                        LocalDate windowEnd = exit != null && exit.isBefore(lastDay) ? exit : lastDay;
                        for (LocalDate on : openings) {
                            if (!on.isBefore(start) && !on.isAfter(windowEnd)) {
                                healthOpened = true;
                                break;
                            }
                        }
                    }
                }
                // YearFigures.isExit
                if (exit != null && inYear(exit, firstDay, lastDay) && !exit.isBefore(start)) {
                    exits++;
                    exitDays += ChronoUnit.DAYS.between(entry, exit);
                    String category = p.exitCategory();
                    if (!YearFigures.NEUTRALISED.equals(category) && !exit.isBefore(entry.plusMonths(3))) {
                        dynamicCounted++;
                        if (category != null && YearFigures.DYNAMIC.contains(category)) {
                            dynamic++;
                        }
                    }
                    if (withAccompaniment) {
                        AccompanimentRecord record = accompaniment.get(p.pathwayId());
                        if (record != null && record.housingBarrierAtEntry()) {
                            housingExits++;
                            if (record.housingStatusOn(exit)
                                    .filter(AccompanimentFigures.HOUSED_OR_ON_THE_WAY::contains).isPresent()) {
                                housedExits++;
                            }
                        }
                    }
                }
            }
            // YearFigures.premieresHeures
            if (YearFigures.PREMIERES_HEURES.equals(p.program()) && entry != null) {
                if (!entry.isAfter(lastDay) && (exit == null || !exit.isBefore(firstDay))) {
                    premieresHeuresActive = true;
                }
                if (inYear(entry, firstDay, lastDay)) {
                    premieresHeuresStarted++;
                }
                if (p.promotedTo() != null && exit != null && inYear(exit, firstDay, lastDay)) {
                    promotions++;
                }
            }
        }
        // YearFigures.fromPremieresHeures: a Premières Heures pathway, anywhere, entered before their first
        // Convergence entry among the pathways counted this year.
        boolean fromPremieresHeures = false;
        if (accompanied) {
            for (LocalDate entry : premieresHeuresEntries) {
                if (entry.isBefore(firstConvergenceEntry)) {
                    fromPremieresHeures = true;
                    break;
                }
            }
        }
        return PathwayCounts.of(accompanied ? 1 : 0, exits, exitDays, dynamic, dynamicCounted,
                fromPremieresHeures ? 1 : 0, premieresHeuresActive ? 1 : 0, premieresHeuresStarted, promotions,
                housingExits, housedExits, healthOpened ? 1 : 0);
    }

    private static boolean inYear(LocalDate date, LocalDate firstDay, LocalDate lastDay) {
        return !date.isBefore(firstDay) && !date.isAfter(lastDay);
    }

    /** YearFigures.countedFrom: a Convergence pathway counts from the later of its entry and its chantier's start. */
    private static LocalDate countedFrom(PathwayRecord pathway, Map<String, LocalDate> convergenceStarts) {
        if (!YearFigures.CONVERGENCE.equals(pathway.program()) || pathway.entryDate() == null) {
            return null;
        }
        LocalDate chantierStart = convergenceStarts.get(pathway.chantierId());
        if (chantierStart == null || chantierStart.isBefore(pathway.entryDate())) {
            return pathway.entryDate();
        }
        return chantierStart;
    }
}
