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
import java.util.List;
import java.util.Map;

/** Reads the hours entries of some chantiers' pathways: one {@code $in} on their hours roster buckets. */
public final class HoursRecords {

    private final ReportingModel model;

    public HoursRecords(ReportingModel model) {
        this.model = model;
    }

    /** By pathway id, the hours facts of every pathway of these chantiers that has any. */
    public Map<String, HoursRecord> at(Collection<String> chantierIds) {
        Map<String, HoursRecord> records = new HashMap<>();
        if (chantierIds.isEmpty()) {
            return records;
        }
        for (Document bucket : model.hoursRoster().find(Filters.in("_id", ReportingModel.rosterBucketsOf(chantierIds)))
                .projection(Projections.exclude(ProjectionBatch.APPLIED_BY_ENTRY))) {
            String bucketId = bucket.getString("_id");
            String chantierId = bucketId.substring(0, bucketId.lastIndexOf('#'));
            Document entries = bucket.get("pathways", Document.class);
            if (entries != null) {
                entries.forEach((pathwayId, entry) -> records.put(pathwayId,
                        recordOf(pathwayId, chantierId, (Document) entry)));
            }
        }
        return records;
    }

    private static HoursRecord recordOf(String pathwayId, String chantierId, Document d) {
        List<HoursRecord.Decision> decisions = new ArrayList<>();
        for (Document decision : d.getList("contracts", Document.class, List.of())) {
            decisions.add(new HoursRecord.Decision(LocalDate.parse(decision.getString("from")),
                    decision.getInteger("hours"), decision.getString("reason")));
        }
        Map<String, Integer> weeks = new HashMap<>();
        Document stored = d.get("weeks", Document.class);
        if (stored != null) {
            stored.forEach((week, minutes) -> weeks.put(week, ((Number) minutes).intValue()));
        }
        return new HoursRecord(pathwayId, d.getString("participantId"), d.getString("program"), chantierId,
                decisions, weeks);
    }
}
