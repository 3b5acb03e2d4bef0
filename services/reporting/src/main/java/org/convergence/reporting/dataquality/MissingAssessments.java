package org.convergence.reporting.dataquality;

import org.convergence.reporting.figures.AccompanimentRecord;
import org.convergence.reporting.figures.PathwayRecord;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The data-quality list of pathways without an entry assessment (HMIS-style check): pathways of an accompanied
 * program whose assessment was due a configured number of days after their entry (default 30), still missing on
 * the day asked. A pathway that ended before its due day is not listed. Derived from stored dates at query time:
 * no timer, and a late assessment takes the pathway off the list as soon as its fact is consumed.
 */
public final class MissingAssessments {

    private MissingAssessments() {
    }

    /** One pathway without its assessment, and the day it was due. */
    public record Item(String pathwayId, String participantId, String chantierId, String program,
                       LocalDate entryDate, LocalDate dueOn) {
    }

    /** The list of a territory on {@code asOf}, with its count in total and per chantier. */
    public record TerritoryList(String territoryId, LocalDate asOf, int dueAfterDays, int count,
                                Map<String, Integer> countByChantier, List<Item> pathways) {
    }

    public static TerritoryList of(String territoryId, Collection<PathwayRecord> pathways,
                                   Map<String, AccompanimentRecord> accompaniment, LocalDate asOf,
                                   int dueAfterDays, Set<String> programs) {
        List<Item> missing = pathways.stream()
                .filter(p -> p.entryDate() != null && programs.contains(p.program()))
                .filter(p -> asOf.isAfter(p.entryDate().plusDays(dueAfterDays)))
                .filter(p -> p.exitDate() == null || !p.exitDate().isBefore(p.entryDate().plusDays(dueAfterDays)))
                .filter(p -> accompaniment.get(p.pathwayId()) == null
                        || accompaniment.get(p.pathwayId()).assessedOn() == null)
                .map(p -> new Item(p.pathwayId(), p.participantId(), p.chantierId(), p.program(), p.entryDate(),
                        p.entryDate().plusDays(dueAfterDays)))
                .sorted(Comparator.comparing(Item::dueOn).thenComparing(Item::pathwayId))
                .toList();
        Map<String, Integer> byChantier = new TreeMap<>();
        missing.forEach(item -> byChantier.merge(item.chantierId(), 1, Integer::sum));
        return new TerritoryList(territoryId, asOf, dueAfterDays, missing.size(), byChantier, missing);
    }
}
