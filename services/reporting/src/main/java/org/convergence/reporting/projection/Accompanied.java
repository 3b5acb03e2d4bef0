package org.convergence.reporting.projection;

import org.bson.Document;
import org.convergence.platform.projection.ProjectionBatch;
import org.convergence.reporting.figures.AccompanimentRecord;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What the housing and health counters need of one pathway's accompaniment (ADR 0034), filed with its participant
 * beside their pathways: the territory it was recorded in, whether a housing barrier was identified at entry, the
 * housing barrier's dated statuses in the order recorded, and the health-rights openings' dates. Only categories,
 * statuses and dates: the same as the accompaniment roster keeps.
 *
 * @param territoryId the territory of the chantier the accompaniment was recorded at
 */
public record Accompanied(String territoryId, AccompanimentRecord record) {

    private static final char SEPARATOR = '\u001E';

    /** The summary of a pathway's entry in the accompaniment roster, as the facts applied so far left it. */
    static Accompanied of(String territoryId, String pathwayId, String participantId, ProjectionBatch.Unit entry) {
        List<AccompanimentRecord.StatusChange> housing = new ArrayList<>();
        for (Document change : entry.getList("housing", Document.class)) {
            housing.add(new AccompanimentRecord.StatusChange(LocalDate.parse(change.getString("on")),
                    change.getString("status")));
        }
        List<LocalDate> openings = new ArrayList<>();
        for (Document opening : entry.getList("healthRights", Document.class)) {
            openings.add(LocalDate.parse(opening.getString("on")));
        }
        boolean housingAtEntry = entry.getList("barriersAtEntry", String.class)
                .contains(AccompanimentHandlers.HOUSING);
        return new Accompanied(territoryId,
                new AccompanimentRecord(pathwayId, participantId, null, housingAtEntry, housing, openings));
    }

    /** {@code <territoryId><RS><H or -><RS><on>=<status>;...<RS><on>;...}: a few dozen bytes a pathway. */
    public String encode() {
        StringBuilder s = new StringBuilder(territoryId).append(SEPARATOR)
                .append(record.housingBarrierAtEntry() ? 'H' : '-').append(SEPARATOR);
        for (int i = 0; i < record.housing().size(); i++) {
            AccompanimentRecord.StatusChange change = record.housing().get(i);
            s.append(i == 0 ? "" : ";").append(change.on()).append('=').append(change.status());
        }
        s.append(SEPARATOR);
        for (int i = 0; i < record.healthRightsOpenings().size(); i++) {
            s.append(i == 0 ? "" : ";").append(record.healthRightsOpenings().get(i));
        }
        return s.toString();
    }

    public static Accompanied decode(String pathwayId, String participantId, String filed) {
        String[] parts = filed.split(String.valueOf(SEPARATOR), -1);
        List<AccompanimentRecord.StatusChange> housing = new ArrayList<>();
        if (!parts[2].isEmpty()) {
            for (String change : parts[2].split(";")) {
                int at = change.indexOf('=');
                housing.add(new AccompanimentRecord.StatusChange(LocalDate.parse(change.substring(0, at)),
                        change.substring(at + 1)));
            }
        }
        List<LocalDate> openings = new ArrayList<>();
        if (!parts[3].isEmpty()) {
            for (String on : parts[3].split(";")) {
                openings.add(LocalDate.parse(on));
            }
        }
        return new Accompanied(parts[0], new AccompanimentRecord(pathwayId, participantId, null,
                "H".equals(parts[1]), housing, openings));
    }
}
