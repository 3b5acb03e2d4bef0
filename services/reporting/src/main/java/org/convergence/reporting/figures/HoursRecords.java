package org.convergence.reporting.figures;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.convergence.platform.projection.ProjectionBatch;
import org.convergence.reporting.projection.ReportingModel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the hours of some pathways in some week-based years (ADR 0057): their contract decisions, one {@code $in} on
 * their chantiers' hours roster buckets, and their weeks of those years, by {@code _id} of their year documents.
 */
public final class HoursRecords {

    /**
     * Year documents read per {@code $in}: the embedded server answers a query in one reply, which it refuses beyond
     * 48 MB, and a folded nation asks for every pathway's year. A year document is at most about 1.5 KB without
     * its markers (53 weeks), so a reply stays under 8 MB.
     */
    static final int YEARS_PER_READ = 5_000;

    private final ReportingModel model;
    private final int yearsPerRead;

    public HoursRecords(ReportingModel model) {
        this(model, YEARS_PER_READ);
    }

    HoursRecords(ReportingModel model, int yearsPerRead) {
        this.model = model;
        this.yearsPerRead = yearsPerRead;
    }

    /**
     * By pathway id, the hours facts of these pathways (and of any other pathway with decisions in these chantiers'
     * buckets) that have any: every decision, and the weeks of the given week-based years only. A record's program
     * is the one its newest year read counts its weeks under, or its decisions' if it has no week in those years.
     */
    public Map<String, HoursRecord> at(Collection<String> chantierIds, Collection<String> pathwayIds,
                                       Collection<Integer> weekBasedYears) {
        Map<String, Document> entries = new HashMap<>();
        Map<String, String> chantierOf = new HashMap<>();
        if (!chantierIds.isEmpty()) {
            for (Document bucket : model.hoursRoster().find(Filters.in("_id",
                    ReportingModel.rosterBucketsOf(chantierIds))).projection(
                    Projections.exclude(ProjectionBatch.APPLIED_BY_ENTRY))) {
                String bucketId = bucket.getString("_id");
                String chantierId = bucketId.substring(0, bucketId.lastIndexOf('#'));
                Document pathways = bucket.get("pathways", Document.class);
                if (pathways != null) {
                    pathways.forEach((pathwayId, entry) -> {
                        entries.put(pathwayId, (Document) entry);
                        chantierOf.put(pathwayId, chantierId);
                    });
                }
            }
        }
        Set<String> pathways = new LinkedHashSet<>(pathwayIds);
        pathways.addAll(entries.keySet());
        Set<Integer> yearsAsked = new TreeSet<>(weekBasedYears);
        Map<String, Document> years = yearsOf(pathways, yearsAsked);
        Map<String, HoursRecord> records = new HashMap<>();
        for (String pathwayId : pathways) {
            Document entry = entries.get(pathwayId);
            Map<String, Integer> weeks = new HashMap<>();
            String program = entry == null ? null : entry.getString("program");
            String participantId = entry == null ? null : entry.getString("participantId");
            for (int year : yearsAsked) {
                Document ofYear = years.get(ReportingModel.hoursWeeksOf(pathwayId, year));
                if (ofYear != null) {
                    program = ofYear.getString("program");
                    participantId = ofYear.getString("participantId");
                    Document stored = ofYear.get("weeks", Document.class);
                    if (stored != null) {
                        stored.forEach((week, minutes) -> weeks.put(week, ((Number) minutes).intValue()));
                    }
                }
            }
            if (entry != null || !weeks.isEmpty()) {
                records.put(pathwayId, new HoursRecord(pathwayId, participantId, program, chantierOf.get(pathwayId),
                        decisionsOf(entry), weeks));
            }
        }
        return records;
    }

    /**
     * The year entries (program, participant, weeks) of these pathways and years, by their document's {@code _id}:
     * one {@code $in} per {@value #YEARS_PER_READ}.
     */
    Map<String, Document> yearsOf(Collection<String> pathwayIds, Collection<Integer> weekBasedYears) {
        List<String> ids = new ArrayList<>(pathwayIds.size() * weekBasedYears.size());
        for (String pathwayId : pathwayIds) {
            for (int year : weekBasedYears) {
                ids.add(ReportingModel.hoursWeeksOf(pathwayId, year));
            }
        }
        Map<String, Document> years = new HashMap<>();
        for (int from = 0; from < ids.size(); from += yearsPerRead) {
            for (Document year : model.hoursWeeks().find(Filters.in("_id",
                            ids.subList(from, Math.min(ids.size(), from + yearsPerRead))))
                    .projection(Projections.exclude(ProjectionBatch.APPLIED_BY_ENTRY))) {
                Document entries = year.get(ReportingModel.HOURS_YEAR, Document.class);
                if (entries != null) {
                    entries.values().forEach(entry -> years.put(year.getString("_id"), (Document) entry));
                }
            }
        }
        return years;
    }

    static List<HoursRecord.Decision> decisionsOf(Document entry) {
        List<HoursRecord.Decision> decisions = new ArrayList<>();
        if (entry != null) {
            for (Document decision : entry.getList("contracts", Document.class, List.of())) {
                decisions.add(new HoursRecord.Decision(LocalDate.parse(decision.getString("from")),
                        decision.getInteger("hours"), decision.getString("reason")));
            }
        }
        return decisions;
    }
}
