package org.convergence.reporting.projection;

import org.bson.Document;
import org.convergence.platform.messaging.RejectedEventException;
import org.convergence.reporting.figures.PathwayRecord;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The per-territory-year aggregates (ADR 0028): every pathway that can count in a year's figures, as a compact
 * entry {@code pathways.<pathwayId>} in the documents of its territory and year, so a year's figures read a few
 * documents by {@code _id} instead of every roster entry of the territory.
 *
 * <p>A pathway with an entry date and an exit is in each year from the earlier to the later of the two, widened by a
 * week on each side for hours counted by ISO week (the years any yearly figure can count it in); one still open is in its territory's {@code open} documents, read with every
 * year (an open pathway counts in every year from its start). A pathway without an entry date counts nowhere yet.
 * Each period is spread over {@value #BUCKETS} documents by pathway, keyed {@code <territoryId>#<period>#<n>}.
 *
 * <p>An entry holds what the figures need of the pathway (participant, program, chantier, dates, category,
 * promotion) in one string; the participant keeps the national count of people exact: the nation unions the
 * entries of its territories and counts each participant once.
 */
public final class TerritoryYears {

    static final int BUCKETS = 8;
    static final String OPEN = "open";
    private static final char SEPARATOR = '\u001F';
    /**
     * Hours are counted by ISO week, whose year can be the calendar year before or after a date within a few days
     * of New Year: a pathway is also filed under the year of a week before its entry and after its exit.
     */
    private static final int ISO_WEEK_SPILL_DAYS = 7;

    private TerritoryYears() {
    }

    /** The periods a pathway in this state is filed under: years, or {@value #OPEN}; none without an entry date. */
    static Set<String> periodsOf(String entryDate, String exitDate) {
        Set<String> periods = new TreeSet<>();
        if (entryDate == null) {
            return periods;
        }
        if (exitDate == null) {
            periods.add(OPEN);
            return periods;
        }
        LocalDate entry = LocalDate.parse(entryDate);
        LocalDate exit = LocalDate.parse(exitDate);
        LocalDate first = (entry.isBefore(exit) ? entry : exit).minusDays(ISO_WEEK_SPILL_DAYS);
        LocalDate last = (entry.isBefore(exit) ? exit : entry).plusDays(ISO_WEEK_SPILL_DAYS);
        for (int year = first.getYear(); year <= last.getYear(); year++) {
            periods.add(Integer.toString(year));
        }
        return periods;
    }

    static String bucketOf(String territoryId, String period, String pathwayId) {
        return territoryId + "#" + period + "#" + Math.floorMod(pathwayId.hashCode(), BUCKETS);
    }

    /** Every document holding a year's pathways of these territories: the year's and the open ones. */
    public static List<String> bucketsOf(Collection<String> territoryIds, Year year) {
        List<String> ids = new ArrayList<>(territoryIds.size() * BUCKETS * 2);
        for (String territoryId : territoryIds) {
            for (int i = 0; i < BUCKETS; i++) {
                ids.add(territoryId + "#" + year.getValue() + "#" + i);
                ids.add(territoryId + "#" + OPEN + "#" + i);
            }
        }
        return ids;
    }

    /** The territory a bucket belongs to. */
    public static String territoryOf(String bucketId) {
        int periodStart = bucketId.lastIndexOf('#', bucketId.lastIndexOf('#') - 1);
        return bucketId.substring(0, periodStart);
    }

    static String encode(String participantId, String program, String chantierId, String entryDate, String exitDate,
                         String exitCategory, String promotedTo) {
        String[] fields = {participantId, program, chantierId, entryDate, exitDate, exitCategory, promotedTo};
        StringBuilder entry = new StringBuilder(120);
        for (int i = 0; i < fields.length; i++) {
            if (fields[i] != null && fields[i].indexOf(SEPARATOR) >= 0) {
                throw new RejectedEventException("a pathway field contains a control character");
            }
            if (i > 0) {
                entry.append(SEPARATOR);
            }
            entry.append(fields[i] == null ? "" : fields[i]);
        }
        return entry.toString();
    }

    /** The pathways of one aggregate document (entries set to null were moved to another period). */
    public static void decodeInto(Document bucket, String territoryId, Collection<PathwayRecord> into) {
        Document pathways = bucket.get("pathways", Document.class);
        if (pathways == null) {
            return;
        }
        pathways.forEach((pathwayId, value) -> {
            if (value instanceof String entry) {
                into.add(decode(pathwayId, territoryId, entry));
            }
        });
    }

    static PathwayRecord decode(String pathwayId, String territoryId, String entry) {
        String[] f = new String[7];
        int from = 0;
        for (int i = 0; i < 7; i++) {
            int to = i == 6 ? entry.length() : entry.indexOf(SEPARATOR, from);
            f[i] = to == from ? null : entry.substring(from, to);
            from = to + 1;
        }
        return new PathwayRecord(pathwayId, f[0], f[1], territoryId, f[2], date(f[3]), date(f[4]), f[5], f[6]);
    }

    private static LocalDate date(String value) {
        return value == null ? null : LocalDate.parse(value);
    }
}
