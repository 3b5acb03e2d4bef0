package org.convergence.reporting.worklist;

import org.convergence.platform.programs.Program;
import org.convergence.platform.programs.ProgramCatalog;
import org.convergence.reporting.figures.PathwayRecord;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a territory's coordination must act on, as of a day: pathways nearing or past their program's longest
 * duration (Convergence: 5 years, listed from 3 months before), follow-up check-ins overdue while the follow-up is
 * open, and exits recorded without a category (historic imports). Every limit comes from the program catalogue,
 * through the same methods the enrolment aggregate uses, so both agree on every boundary day. Deadlines are derived
 * from stored dates, so they survive any restart and move with late or corrected facts; no timer is kept anywhere.
 */
public final class WorkLists {

    private WorkLists() {
    }

    /** One item: which pathway, and the date the work was due or the limit falls. */
    public record Item(String pathwayId, String participantId, String chantierId, LocalDate dueOn,
                       Integer milestoneMonths) {
    }

    /**
     * The lists of a territory. {@code nearingFiveYears}: open pathways from their program's warning day up to and
     * including their limit day, the last day they may run; {@code pastFiveYears}: open after it. An exit without
     * category has its exit date as due date.
     */
    public record TerritoryWorkList(String territoryId, LocalDate asOf, List<Item> nearingFiveYears,
                                    List<Item> pastFiveYears, List<Item> overdueCheckIns,
                                    List<Item> exitsWithoutCategory) {
    }

    public static TerritoryWorkList of(String territoryId, Collection<PathwayRecord> pathways, LocalDate asOf,
                                       ProgramCatalog programs) {
        List<Item> nearing = new ArrayList<>();
        List<Item> past = new ArrayList<>();
        List<Item> overdue = new ArrayList<>();
        List<Item> uncategorised = new ArrayList<>();
        for (PathwayRecord p : pathways) {
            // A promotion ends a Premières Heures pathway without an exit category, by design.
            if (p.exitDate() != null && p.exitCategory() == null && p.promotedTo() == null && p.entryDate() != null) {
                uncategorised.add(item(p, p.exitDate(), null));
            }
            Optional<Program> program = programs.find(p.program());
            if (program.isEmpty() || p.entryDate() == null) {
                continue;
            }
            if (p.exitDate() == null) {
                Optional<LocalDate> limit = program.get().durationLimit(p.entryDate());
                if (limit.isPresent() && asOf.isAfter(limit.get())) {
                    past.add(item(p, limit.get(), null));
                } else if (limit.isPresent() && !asOf.isBefore(program.get().limitWarningFrom(p.entryDate()).get())) {
                    nearing.add(item(p, limit.get(), null));
                }
            } else {
                Program.FollowUp followUp = program.get().followUp();
                if (followUp.isOpenOn(p.exitDate(), asOf)) {
                    for (int milestone : followUp.milestones()) {
                        LocalDate due = followUp.dueOn(p.exitDate(), milestone);
                        if (due.isBefore(asOf) && !p.checkIns().contains(milestone)) {
                            overdue.add(item(p, due, milestone));
                        }
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

    private static Item item(PathwayRecord p, LocalDate dueOn, Integer milestone) {
        return new Item(p.pathwayId(), p.participantId(), p.chantierId(), dueOn, milestone);
    }
}
