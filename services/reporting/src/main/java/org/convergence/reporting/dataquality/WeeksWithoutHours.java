package org.convergence.reporting.dataquality;

import org.convergence.reporting.figures.HoursRecord;
import org.convergence.reporting.figures.PathwayRecord;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The data-quality list of weeks without hours (DOMAIN.md, HMIS-style check): pathways of a program whose hours
 * chantier software reports, active on at least one day of one of the last {@code weeksChecked} complete ISO weeks
 * before the day asked, with no hours recorded for that week. The week of the day asked is not due yet. Derived from
 * stored facts at query time: a late timesheet takes its week off the list as soon as its fact is consumed.
 */
public final class WeeksWithoutHours {

    private WeeksWithoutHours() {
    }

    /** One pathway with the weeks it has no hours for, oldest first. */
    public record Item(String pathwayId, String participantId, String chantierId, String program,
                       List<String> weeksWithoutHours) {
    }

    /**
     * The list of a territory on {@code asOf}: {@code count} pathways, {@code weeks} weeks missing in all, and the
     * count of pathways per chantier.
     */
    public record TerritoryList(String territoryId, LocalDate asOf, int weeksChecked, List<String> weeksDue,
                                int count, int weeks, Map<String, Integer> countByChantier, List<Item> pathways) {
    }

    /** @param hours the hours of the pathways, with their weeks of {@link #weekBasedYearsDue} at least */
    public static TerritoryList of(String territoryId, Collection<PathwayRecord> pathways,
                                   Map<String, HoursRecord> hours, LocalDate asOf, int weeksChecked,
                                   Set<String> programs) {
        List<LocalDate> mondays = mondaysDue(asOf, weeksChecked);
        List<Item> items = new ArrayList<>();
        for (PathwayRecord p : checked(pathways, asOf, weeksChecked, programs)) {
            HoursRecord record = hours.get(p.pathwayId());
            List<String> missing = weeksDueOf(p, mondays).stream()
                    .filter(week -> record == null || !record.minutesByWeek().containsKey(week))
                    .toList();
            if (!missing.isEmpty()) {
                items.add(new Item(p.pathwayId(), p.participantId(), p.chantierId(), p.program(), missing));
            }
        }
        items.sort(Comparator.comparing(Item::chantierId).thenComparing(Item::pathwayId));
        Map<String, Integer> byChantier = new TreeMap<>();
        items.forEach(item -> byChantier.merge(item.chantierId(), 1, Integer::sum));
        int weeks = items.stream().mapToInt(item -> item.weeksWithoutHours().size()).sum();
        return new TerritoryList(territoryId, asOf, weeksChecked,
                mondays.stream().map(WeeksWithoutHours::weekOf).toList(), items.size(), weeks, byChantier,
                List.copyOf(items));
    }

    /**
     * The pathways the list checks on {@code asOf}: of the programs checked, and active on a day of a week due. Only
     * their hours need reading: most of a territory's pathways have ended before the weeks due.
     */
    public static List<PathwayRecord> checked(Collection<PathwayRecord> pathways, LocalDate asOf, int weeksChecked,
                                              Set<String> programs) {
        List<LocalDate> mondays = mondaysDue(asOf, weeksChecked);
        return pathways.stream().filter(p -> programs.contains(p.program()) && !weeksDueOf(p, mondays).isEmpty())
                .toList();
    }

    /** The weeks among those due ({@code mondays}) on a day of which the pathway is active. */
    private static List<String> weeksDueOf(PathwayRecord p, List<LocalDate> mondays) {
        if (p.entryDate() == null) {
            return List.of();
        }
        return mondays.stream()
                .filter(monday -> !p.entryDate().isAfter(monday.plusDays(6))
                        && (p.exitDate() == null || !p.exitDate().isBefore(monday)))
                .map(WeeksWithoutHours::weekOf)
                .toList();
    }

    /** The week-based years of the weeks checked on {@code asOf}: the hours that must be read for the list. */
    public static Set<Integer> weekBasedYearsDue(LocalDate asOf, int weeksChecked) {
        Set<Integer> years = new TreeSet<>();
        mondaysDue(asOf, weeksChecked).forEach(monday -> years.add(monday.get(IsoFields.WEEK_BASED_YEAR)));
        return years;
    }

    /** The Mondays of the last {@code weeksChecked} complete ISO weeks before {@code asOf}, oldest first. */
    private static List<LocalDate> mondaysDue(LocalDate asOf, int weeksChecked) {
        LocalDate thisMonday = asOf.with(DayOfWeek.MONDAY);
        List<LocalDate> mondays = new ArrayList<>();
        for (int i = weeksChecked; i >= 1; i--) {
            mondays.add(thisMonday.minusWeeks(i));
        }
        return mondays;
    }

    /** {@code YYYY-Www}, as the hours contract writes a week. */
    static String weekOf(LocalDate day) {
        return String.format("%04d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
