package org.convergence.reporting.figures;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.convergence.platform.projection.ProjectionBatch;
import org.convergence.reporting.projection.ReportingModel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Reads the employer transitions of some chantiers: one {@code $in} on their transition roster buckets. */
public final class TransitionRecords {

    private final ReportingModel model;

    public TransitionRecords(ReportingModel model) {
        this.model = model;
    }

    public List<TransitionRecord> at(Collection<String> chantierIds) {
        List<TransitionRecord> records = new ArrayList<>();
        if (chantierIds.isEmpty()) {
            return records;
        }
        for (Document bucket : model.transitionRoster()
                .find(Filters.in("_id", ReportingModel.rosterBucketsOf(chantierIds)))
                .projection(Projections.exclude(ProjectionBatch.APPLIED_BY_ENTRY))) {
            String bucketId = bucket.getString("_id");
            String chantierId = bucketId.substring(0, bucketId.lastIndexOf('#'));
            Document entries = bucket.get("transitions", Document.class);
            if (entries != null) {
                entries.forEach((transitionId, entry) -> records.add(recordOf(transitionId, chantierId,
                        (Document) entry)));
            }
        }
        return records;
    }

    private static TransitionRecord recordOf(String transitionId, String chantierId, Document d) {
        List<TransitionRecord.Schedule> schedules = new ArrayList<>();
        for (Document schedule : d.getList("schedules", Document.class, List.of())) {
            schedules.add(new TransitionRecord.Schedule(LocalDate.parse(schedule.getString("from")),
                    schedule.getInteger("storeHours", 0)));
        }
        List<LocalDate> meetings = new ArrayList<>();
        for (Document meeting : d.getList("meetings", Document.class, List.of())) {
            meetings.add(LocalDate.parse(meeting.getString("on")));
        }
        return new TransitionRecord(transitionId, d.getString("pathwayId"), d.getString("participantId"), chantierId,
                d.getString("employerId"), d.getString("storeId"), date(d, "startedOn"), schedules, meetings,
                d.getString("outcome"), date(d, "endedOn"));
    }

    private static LocalDate date(Document d, String field) {
        String value = d.getString(field);
        return value == null ? null : LocalDate.parse(value);
    }
}
