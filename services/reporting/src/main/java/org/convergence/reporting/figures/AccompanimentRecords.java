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

/** Reads the accompaniment entries of some chantiers' pathways: one {@code $in} on their roster buckets. */
public final class AccompanimentRecords {

    private final ReportingModel model;

    public AccompanimentRecords(ReportingModel model) {
        this.model = model;
    }

    /** By pathway id, the accompaniment of every pathway of these chantiers that has any. */
    public Map<String, AccompanimentRecord> at(Collection<String> chantierIds) {
        Map<String, AccompanimentRecord> records = new HashMap<>();
        if (chantierIds.isEmpty()) {
            return records;
        }
        for (Document bucket : model.accompanimentRoster()
                .find(Filters.in("_id", ReportingModel.rosterBucketsOf(chantierIds)))
                .projection(Projections.exclude(ProjectionBatch.APPLIED_BY_ENTRY))) {
            Document entries = bucket.get("pathways", Document.class);
            if (entries != null) {
                entries.forEach((pathwayId, entry) -> records.put(pathwayId, recordOf(pathwayId, (Document) entry)));
            }
        }
        return records;
    }

    private static AccompanimentRecord recordOf(String pathwayId, Document d) {
        List<AccompanimentRecord.StatusChange> housing = new ArrayList<>();
        for (Document change : d.getList("housing", Document.class, List.of())) {
            housing.add(new AccompanimentRecord.StatusChange(LocalDate.parse(change.getString("on")),
                    change.getString("status")));
        }
        List<LocalDate> openings = new ArrayList<>();
        for (Document opening : d.getList("healthRights", Document.class, List.of())) {
            openings.add(LocalDate.parse(opening.getString("on")));
        }
        boolean housingAtEntry = d.getList("barriersAtEntry", String.class, List.of()).contains("HOUSING");
        String assessedOn = d.getString("assessedOn");
        return new AccompanimentRecord(pathwayId, d.getString("participantId"),
                assessedOn == null ? null : LocalDate.parse(assessedOn), housingAtEntry, housing, openings);
    }
}
