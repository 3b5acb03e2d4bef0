package org.convergence.reporting.search;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.convergence.platform.programs.Program;
import org.convergence.platform.programs.ProgramCatalog;
import org.convergence.platform.projection.ProjectionBatch;
import org.convergence.reporting.projection.ReportingModel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds participants by chantier, program and pathway status in the chantiers' rosters: one $in on the roster
 * buckets of the chantiers in scope, then filtering, sorting and paging in memory, so the embedded server never
 * scans the pathways. Most recently entered first.
 */
public final class ParticipantSearch {

    private final ReportingModel model;
    private final ProgramCatalog programs;

    public ParticipantSearch(ReportingModel model, ProgramCatalog programs) {
        this.model = model;
        this.programs = programs;
    }

    /** What to look for; a null field does not filter. */
    public record Criteria(String program, PathwayStatus status, LocalDate asOf) {
    }

    /** The territory a chantier belongs to, as reporting knows it. */
    public Optional<String> territoryOf(String chantierId) {
        Document chantier = model.chantiers().find(Filters.eq("_id", chantierId)).first();
        return Optional.ofNullable(chantier).map(c -> c.getString("territoryId"));
    }

    /** The chantiers of a territory, or of every territory when {@code territoryId} is null. */
    public List<String> chantiersOf(String territoryId) {
        List<String> ids = new ArrayList<>();
        var territories = territoryId == null ? model.territories().find()
                : model.territories().find(Filters.eq("_id", territoryId));
        for (Document territory : territories) {
            ids.addAll(territory.getList("chantierIds", String.class, List.of()));
        }
        return ids;
    }

    public ParticipantPage search(Collection<String> chantierIds, Criteria criteria, int page, int size) {
        Map<String, List<ParticipantPage.Pathway>> byParticipant = new LinkedHashMap<>();
        if (!chantierIds.isEmpty()) {
            for (Document bucket : model.chantierRoster().find(Filters.in("_id",
                    ReportingModel.rosterBucketsOf(chantierIds)))
                    .projection(Projections.exclude(ProjectionBatch.APPLIED_BY_ENTRY))) {
                String chantierId = bucket.getString("_id").substring(0, bucket.getString("_id").lastIndexOf('#'));
                Document pathways = bucket.get("pathways", Document.class);
                if (pathways != null) {
                    pathways.forEach((pathwayId, summary) -> matching(pathwayId, chantierId, (Document) summary,
                            criteria).ifPresent(found -> byParticipant
                            .computeIfAbsent(((Document) summary).getString("participantId"), p -> new ArrayList<>())
                            .add(found)));
                }
            }
        }
        List<ParticipantPage.Participant> participants = new ArrayList<>();
        byParticipant.forEach((participantId, pathways) -> {
            pathways.sort(Comparator.comparing(ParticipantPage.Pathway::entryDate).reversed()
                    .thenComparing(ParticipantPage.Pathway::pathwayId));
            participants.add(new ParticipantPage.Participant(participantId, List.copyOf(pathways)));
        });
        participants.sort(Comparator.comparing((ParticipantPage.Participant p) -> p.pathways().get(0).entryDate())
                .reversed().thenComparing(ParticipantPage.Participant::participantId));
        int from = (int) Math.min((long) page * size, participants.size());
        int to = Math.min(from + size, participants.size());
        return new ParticipantPage(page, size, participants.size(), criteria.asOf(),
                List.copyOf(participants.subList(from, to)));
    }

    private Optional<ParticipantPage.Pathway> matching(String pathwayId, String chantierId, Document summary,
                                                            Criteria criteria) {
        String program = summary.getString("program");
        LocalDate entry = date(summary.getString("entryDate"));
        if (entry == null || summary.getString("participantId") == null) {
            return Optional.empty(); // its enrolment fact has not arrived yet
        }
        if (criteria.program() != null && !criteria.program().equals(program)) {
            return Optional.empty();
        }
        LocalDate exit = date(summary.getString("exitDate"));
        PathwayStatus status = statusOf(program, exit, criteria.asOf());
        if (criteria.status() != null && criteria.status() != status) {
            return Optional.empty();
        }
        return Optional.of(new ParticipantPage.Pathway(pathwayId, program, chantierId, entry, exit, status));
    }

    /**
     * Where a pathway stands on {@code asOf}: in follow-up while its program's follow-up is open on that day
     * ({@code Program.FollowUp.isOpenOn}, the same test the enrolment aggregate applies to a check-in's date).
     */
    PathwayStatus statusOf(String program, LocalDate exit, LocalDate asOf) {
        if (exit == null || exit.isAfter(asOf)) {
            return PathwayStatus.ACTIVE;
        }
        boolean followedUp = programs.find(program).map(Program::followUp)
                .filter(followUp -> followUp.isOpenOn(exit, asOf)).isPresent();
        return followedUp ? PathwayStatus.IN_FOLLOW_UP : PathwayStatus.ENDED;
    }

    private static LocalDate date(String value) {
        return value == null ? null : LocalDate.parse(value);
    }
}
