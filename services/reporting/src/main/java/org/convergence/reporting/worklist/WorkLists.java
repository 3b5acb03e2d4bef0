package org.convergence.reporting.worklist;

import org.convergence.reporting.figures.PathwayRecord;
import org.convergence.reporting.figures.YearFigures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * What a territory's coordination must act on, as of a day: Convergence pathways nearing or past their 5 years,
 * follow-up check-ins overdue, and exits recorded without a category (historic imports). Deadlines are derived from stored dates, so they survive any restart and move
 * with late or corrected facts; no timer is kept anywhere.
 */
public final class WorkLists {

    static final int MAX_MONTHS = 60;
    static final int WARNING_MONTHS = 3;
    static final List<Integer> MILESTONES = List.of(1, 3, 6, 12);
    /** The follow-up after a Convergence exit, as enrolment's {@code PathwayRules} set it. */
    public static final int FOLLOW_UP_MONTHS = 12;
    /** Matches the enrolment rule: check-ins are still taken one month after the follow-up ends. */
    static final int FOLLOW_UP_OPEN_MONTHS = FOLLOW_UP_MONTHS + 1;

    private WorkLists() {
    }

    /** One item: which pathway, and the date the work was due or the limit falls. */
    public record Item(String pathwayId, String participantId, String chantierId, LocalDate dueOn,
                       Integer milestoneMonths) {
    }

    /** The lists of a territory. An exit without category has its exit date as due date. */
    public record TerritoryWorkList(String territoryId, LocalDate asOf, List<Item> nearingFiveYears,
                                    List<Item> pastFiveYears, List<Item> overdueCheckIns,
                                    List<Item> exitsWithoutCategory) {
    }

    public static TerritoryWorkList of(String territoryId, Collection<PathwayRecord> pathways, LocalDate asOf) {
        List<Item> nearing = new ArrayList<>();
        List<Item> past = new ArrayList<>();
        List<Item> overdue = new ArrayList<>();
        List<Item> uncategorised = new ArrayList<>();
        for (PathwayRecord p : pathways) {
            // A promotion ends a Premières Heures pathway without an exit category, by design.
            if (p.exitDate() != null && p.exitCategory() == null && p.promotedTo() == null && p.entryDate() != null) {
                uncategorised.add(new Item(p.pathwayId(), p.participantId(), p.chantierId(), p.exitDate(), null));
            }
            if (!YearFigures.CONVERGENCE.equals(p.program()) || p.entryDate() == null) {
                continue;
            }
            if (p.exitDate() == null) {
                LocalDate limit = p.entryDate().plusMonths(MAX_MONTHS);
                if (!asOf.isBefore(limit)) {
                    past.add(new Item(p.pathwayId(), p.participantId(), p.chantierId(), limit, null));
                } else if (!asOf.isBefore(limit.minusMonths(WARNING_MONTHS))) {
                    nearing.add(new Item(p.pathwayId(), p.participantId(), p.chantierId(), limit, null));
                }
            } else if (asOf.isBefore(p.exitDate().plusMonths(FOLLOW_UP_OPEN_MONTHS))) {
                for (int milestone : MILESTONES) {
                    LocalDate due = p.exitDate().plusMonths(milestone);
                    if (due.isBefore(asOf) && !p.checkIns().contains(milestone)) {
                        overdue.add(new Item(p.pathwayId(), p.participantId(), p.chantierId(), due, milestone));
                    }
                }
            }
        }
        Comparator<Item> byDate = Comparator.comparing(Item::dueOn).thenComparing(Item::pathwayId);
        nearing.sort(byDate);
        past.sort(byDate);
        overdue.sort(byDate);
        uncategorised.sort(byDate);
        return new TerritoryWorkList(territoryId, asOf, nearing, past, overdue, uncategorised);
    }
}
