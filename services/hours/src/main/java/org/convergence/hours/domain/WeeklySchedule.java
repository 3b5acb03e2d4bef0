package org.convergence.hours.domain;

import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A pathway's combined weekly schedule (ADR 0020): the chantier's contracted hours and the store hours of an employer
 * transition, each a step function of the date (a value in force from its date until the next one). In every ISO
 * week the two together stay at or under {@link #WEEKLY_LIMIT}. A week is judged by the highest value of each side
 * on any of its days within the pathway, so a change in the middle of a week can never hide behind another one: the
 * safe reading of "hours a week" when both sides move on different days.
 */
public final class WeeklySchedule {

    /** The legal weekly limit of store hours plus chantier hours (DOMAIN.md, employer transitions). */
    public static final int WEEKLY_LIMIT = 35;

    private final TreeMap<LocalDate, Integer> chantier;
    private final int chantierDefault;
    private final TreeMap<LocalDate, Integer> store;
    private final LocalDate entry;
    private final LocalDate end;

    /**
     * @param chantierDefault the chantier hours before the first decision (the program's default)
     * @param end             the pathway's end, or null while it runs
     */
    public WeeklySchedule(NavigableMap<LocalDate, Integer> chantier, int chantierDefault,
                          NavigableMap<LocalDate, Integer> store, LocalDate entry, LocalDate end) {
        this.chantier = new TreeMap<>(chantier);
        this.chantierDefault = chantierDefault;
        this.store = new TreeMap<>(store);
        this.entry = entry;
        this.end = end;
    }

    /** One ISO week's highest chantier and store hours. */
    public record Week(IsoWeek week, int chantierHours, int storeHours) {
        public int total() {
            return chantierHours + storeHours;
        }
    }

    public WeeklySchedule withChantier(LocalDate from, int hours) {
        WeeklySchedule changed = new WeeklySchedule(chantier, chantierDefault, store, entry, end);
        changed.chantier.put(from, hours);
        return changed;
    }

    public WeeklySchedule withStore(LocalDate from, int hours) {
        WeeklySchedule changed = new WeeklySchedule(chantier, chantierDefault, store, entry, end);
        changed.store.put(from, hours);
        return changed;
    }

    public int chantierOn(LocalDate day) {
        return Optional.ofNullable(chantier.floorEntry(day)).map(Map.Entry::getValue).orElse(chantierDefault);
    }

    public int storeOn(LocalDate day) {
        return Optional.ofNullable(store.floorEntry(day)).map(Map.Entry::getValue).orElse(0);
    }

    /**
     * The first week whose chantier and store hours add up to more than the limit. Between two changes every week is
     * alike, so only the weeks of a change and the week after one need looking at.
     */
    public Optional<Week> firstWeekAboveLimit() {
        TreeSet<IsoWeek> candidates = new TreeSet<>();
        candidates.add(IsoWeek.of(entry));
        for (LocalDate change : chantier.keySet()) {
            candidates.add(IsoWeek.of(change));
            candidates.add(IsoWeek.of(change).next());
        }
        for (LocalDate change : store.keySet()) {
            candidates.add(IsoWeek.of(change));
            candidates.add(IsoWeek.of(change).next());
        }
        for (IsoWeek week : candidates) {
            Optional<Week> hours = week(week);
            if (hours.isPresent() && hours.get().total() > WEEKLY_LIMIT) {
                return hours;
            }
        }
        return Optional.empty();
    }

    /** The week's highest hours of each side on its days within the pathway; empty for a week outside it. */
    public Optional<Week> week(IsoWeek week) {
        LocalDate first = week.monday().isBefore(entry) ? entry : week.monday();
        LocalDate last = end != null && end.isBefore(week.sunday()) ? end : week.sunday();
        if (first.isAfter(last)) {
            return Optional.empty();
        }
        int chantierMax = 0;
        int storeMax = 0;
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            chantierMax = Math.max(chantierMax, chantierOn(day));
            storeMax = Math.max(storeMax, storeOn(day));
        }
        return Optional.of(new Week(week, chantierMax, storeMax));
    }
}
