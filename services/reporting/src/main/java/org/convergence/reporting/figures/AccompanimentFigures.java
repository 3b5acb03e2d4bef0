package org.convergence.reporting.figures;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The two figures of DOMAIN.md that come from the accompaniment: housing resolved or in progress at exit, and
 * health-rights openings. Pure: computed from the pathways, their accompaniment, and the year's counting rules
 * ({@link YearFigures}: who is accompanied, which exits count).
 */
public final class AccompanimentFigures {

    static final Set<String> HOUSED_OR_ON_THE_WAY = Set.of("RESOLVED", "IN_PROGRESS");

    private final YearFigures figures;
    private final LocalDate lastDay;

    public AccompanimentFigures(YearFigures figures, Year year) {
        this.figures = figures;
        this.lastDay = year.atMonth(12).atEndOfMonth();
    }

    /**
     * housingResolved: over the year's exits whose entry assessment identified a housing barrier, the share whose
     * housing barrier was RESOLVED or IN_PROGRESS on the exit date. A change dated after the exit does not count.
     */
    public Rate housingResolved(Collection<PathwayRecord> pathways, Map<String, AccompanimentRecord> accompaniment) {
        List<PathwayRecord> withHousingBarrier = figures.exits(pathways).stream()
                .filter(p -> accompaniment.containsKey(p.pathwayId())
                        && accompaniment.get(p.pathwayId()).housingBarrierAtEntry())
                .toList();
        int housed = (int) withHousingBarrier.stream()
                .filter(p -> accompaniment.get(p.pathwayId()).housingStatusOn(p.exitDate())
                        .filter(HOUSED_OR_ON_THE_WAY::contains).isPresent())
                .count();
        return Rate.of(housed, withHousingBarrier.size());
    }

    /**
     * healthRightsOpened: over the accompanied participants, the share with at least one health-rights opening
     * between their Convergence entry (a counted pathway's counting start: its entry, or its chantier's Convergence
     * start if later) and the end of the year, or that pathway's exit if earlier. Openings recorded on any of the
     * participant's pathways in scope count.
     */
    public Rate healthRightsOpened(Collection<PathwayRecord> pathways, Map<String, AccompanimentRecord> accompaniment) {
        Map<String, List<LocalDate>> openingsByParticipant = new HashMap<>();
        accompaniment.values().forEach(record -> openingsByParticipant
                .computeIfAbsent(record.participantId(), id -> new ArrayList<>())
                .addAll(record.healthRightsOpenings()));
        List<PathwayRecord> accompanied = pathways.stream().filter(figures::isAccompanied).toList();
        Set<String> participants = accompanied.stream().map(PathwayRecord::participantId).collect(Collectors.toSet());
        Set<String> opened = accompanied.stream()
                .filter(p -> openingsByParticipant.getOrDefault(p.participantId(), List.of()).stream()
                        .anyMatch(on -> !on.isBefore(figures.countingStart(p).orElseThrow())
                                && !on.isAfter(windowEnd(p))))
                .map(PathwayRecord::participantId)
                .collect(Collectors.toSet());
        return Rate.of(opened.size(), participants.size());
    }

    private LocalDate windowEnd(PathwayRecord pathway) {
        return pathway.exitDate() != null && pathway.exitDate().isBefore(lastDay) ? pathway.exitDate() : lastDay;
    }
}
