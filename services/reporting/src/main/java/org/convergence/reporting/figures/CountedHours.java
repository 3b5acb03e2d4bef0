package org.convergence.reporting.figures;

import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.convergence.reporting.projection.FigureCounters;
import org.convergence.reporting.projection.HoursHandlers;
import org.convergence.reporting.projection.ReportingModel;

import java.time.Year;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A year's hours worked and step-ups of some scopes from their counters documents (ADR 0039). The hours handlers
 * count a pathway's hours whether or not reporting knows the pathway yet, and name the pathways they found unknown in
 * the territory's awaiting set; the figures count a pathway's hours only once it is known (its chantier roster entry
 * exists), so the share of each named pathway still unknown is taken back here. The set holds only pathways whose
 * hours arrived before their enrolment, so this reads a few roster buckets, not the scope's pathways.
 */
final class CountedHours {

    private final ReportingModel model;

    CountedHours(ReportingModel model) {
        this.model = model;
    }

    /** @param documents the counters documents of the scopes, by scope ({@link FigureCounters#NATION} included or not) */
    Map<String, HoursShare.Counted> of(Map<String, Document> documents, Year year) {
        Map<String, HoursShare.Counted> counted = new HashMap<>();
        Map<String, List<String>> awaitingByTerritory = new HashMap<>();
        documents.forEach((scope, document) -> {
            counted.put(scope, HoursShare.countsOf(document, year));
            if (!FigureCounters.NATION.equals(scope)) {
                List<String> members = document.getList(HoursHandlers.AWAITING, String.class, List.of());
                if (!members.isEmpty()) {
                    awaitingByTerritory.put(scope, members);
                }
            }
        });
        if (awaitingByTerritory.isEmpty()) {
            return counted;
        }
        Set<String> buckets = new HashSet<>();
        awaitingByTerritory.values().forEach(members -> members.forEach(m -> buckets.add(bucketOf(m))));
        Set<String> known = entriesIn(model.chantierRoster().find(Filters.in("_id", buckets)));
        Map<String, Document> hoursEntries = new HashMap<>();
        for (Document bucket : model.hoursRoster().find(Filters.in("_id", buckets))) {
            Document entries = bucket.get("pathways", Document.class);
            if (entries != null) {
                entries.forEach((pathwayId, entry) -> hoursEntries.put(bucket.getString("_id") + "/" + pathwayId,
                        (Document) entry));
            }
        }
        Set<String> unknown = new HashSet<>();
        awaitingByTerritory.values().forEach(members -> members.forEach(member -> {
            if (!known.contains(bucketOf(member) + "/" + pathwayOf(member))) {
                unknown.add(pathwayOf(member));
            }
        }));
        Map<String, Document> years = new HoursRecords(model).yearsOf(unknown, List.of(year.getValue()));
        awaitingByTerritory.forEach((territoryId, members) -> {
            for (String member : members) {
                String key = bucketOf(member) + "/" + pathwayOf(member);
                if (known.contains(key)) {
                    continue;
                }
                Map<String, Long> share = shareOf(hoursEntries.get(key),
                        years.get(ReportingModel.hoursWeeksOf(pathwayOf(member), year.getValue())));
                counted.computeIfPresent(territoryId, (t, c) -> c.minus(share, year));
                counted.computeIfPresent(FigureCounters.NATION, (t, c) -> c.minus(share, year));
            }
        });
        return counted;
    }

    private static Set<String> entriesIn(Iterable<Document> buckets) {
        Set<String> entries = new HashSet<>();
        for (Document bucket : buckets) {
            Document pathways = bucket.get("pathways", Document.class);
            if (pathways != null) {
                pathways.keySet().forEach(pathwayId -> entries.add(bucket.getString("_id") + "/" + pathwayId));
            }
        }
        return entries;
    }

    private static String bucketOf(String member) {
        int at = member.indexOf(HoursHandlers.AWAITING_SEPARATOR);
        return ReportingModel.rosterBucketOf(member.substring(0, at), member.substring(at + 1));
    }

    private static String pathwayOf(String member) {
        return member.substring(member.indexOf(HoursHandlers.AWAITING_SEPARATOR) + 1);
    }

    /**
     * The pathway's share in the year as the hours handlers counted it: its decisions (roster entry) and that year's
     * weeks under the program they count under (year document), either absent (see {@link HoursShare#of}).
     */
    static Map<String, Long> shareOf(Document entry, Document ofYear) {
        Map<String, Number> weeks = new HashMap<>();
        Document stored = ofYear == null ? null : ofYear.get("weeks", Document.class);
        if (stored != null) {
            stored.forEach((week, minutes) -> weeks.put(week, (Number) minutes));
        }
        return HoursShare.of(ofYear == null ? null : ofYear.getString("program"), weeks,
                HoursRecords.decisionsOf(entry));
    }
}
