package org.convergence.platform.views;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.convergence.contracts.IntegrationEventCodec;
import org.convergence.contracts.Topics;
import org.convergence.contracts.enrolment.ChantierProgramStartedV1;
import org.convergence.contracts.enrolment.ChantierRegisteredV1;
import org.convergence.contracts.enrolment.EnrolmentEvents;
import org.convergence.contracts.enrolment.EntryDateCorrectedV1;
import org.convergence.contracts.enrolment.ExitCorrectedV1;
import org.convergence.contracts.enrolment.ParticipantEnrolledV1;
import org.convergence.contracts.enrolment.PathwayExitRecordedV1;
import org.convergence.contracts.enrolment.PathwayPromotedV1;
import org.convergence.platform.messaging.ConsumerDeclaration;
import org.convergence.platform.messaging.Fact;
import org.convergence.platform.messaging.HandlerSet;
import org.convergence.platform.messaging.RejectedEventException;
import org.convergence.platform.messaging.RetryLaterException;
import org.convergence.platform.projection.FieldNames;
import org.convergence.platform.projection.Projection;
import org.convergence.platform.projection.ProjectionBatch;
import org.convergence.platform.projection.ReadModel;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A service's own copy of what it needs of the enrolment service's facts: each pathway (who, which program,
 * where, from when, until when) and each chantier (its territory, the programs it carries from which dates), fed
 * from {@code convergence.enrolment.v1} into the service's database and answered by {@code _id}. A service turns it
 * on with one line, {@code convergence.views.enrolment.enabled=true}, and injects {@link EnrolmentView}.
 *
 * <p>It lags enrolment: a fact of another topic may name a pathway the view has not received yet.
 * {@link #requirePathway} then throws {@link RetryLaterException}: the consumer holds that record's partition and
 * retries it, and past {@code convergence.consumer.retry-later-patience} dead-letters it with the reason
 * (architecture.md, "Service views"). It is a read model like any other: rebuilt with the service's generation.
 */
public final class EnrolmentView {

    static final String PATHWAYS = "enrolment_view_pathways";
    static final String CHANTIERS = "enrolment_view_chantiers";

    /** A pathway as the view knows it; {@code endDate} is its exit or promotion date, if it ended. */
    public record Pathway(String pathwayId, String participantId, String program, String territoryId,
                          String chantierId, LocalDate entryDate, LocalDate endDate, boolean promoted) {

        /** Whether the pathway runs on that day (its entry and end days included). */
        public boolean isActiveOn(LocalDate day) {
            return !day.isBefore(entryDate) && (endDate == null || !day.isAfter(endDate));
        }
    }

    /** A chantier as the view knows it: the programs it carries and since when. */
    public record Chantier(String chantierId, String territoryId, Map<String, LocalDate> programsSince) {

        public boolean carries(String program, LocalDate day) {
            LocalDate since = programsSince.get(program);
            return since != null && !day.isBefore(since);
        }
    }

    private final MongoCollection<Document> pathways;
    private final MongoCollection<Document> chantiers;
    private final Projection projection;

    public EnrolmentView(ReadModel model, IntegrationEventCodec codec) {
        this.pathways = model.collection(PATHWAYS);
        this.chantiers = model.collection(CHANTIERS);
        this.projection = new Projection(codec, List.of(chantiers, pathways), List.of(handlers()));
    }

    /** The view's consumer: the platform runs it in a service that turns the view on. */
    public ConsumerDeclaration consumer() {
        return projection.consumer("enrolment-view");
    }

    public Optional<Pathway> pathway(String pathwayId) {
        return Optional.ofNullable(pathways.find(Filters.eq("_id", pathwayId)).first()).flatMap(EnrolmentView::pathwayOf);
    }

    /** The pathways among these ids that the view knows, with one query. */
    public Map<String, Pathway> pathways(Collection<String> pathwayIds) {
        Map<String, Pathway> found = new LinkedHashMap<>();
        if (pathwayIds.isEmpty()) {
            return found;
        }
        for (Document document : pathways.find(Filters.in("_id", Set.copyOf(pathwayIds)))) {
            pathwayOf(document).ifPresent(p -> found.put(p.pathwayId(), p));
        }
        return found;
    }

    /**
     * The pathway, or a {@link RetryLaterException} if the view has not received its enrolment yet: the fact that
     * needs it waits in its partition, then is dead-lettered with this reason.
     */
    public Pathway requirePathway(String pathwayId) {
        return pathway(pathwayId).orElseThrow(() -> new RetryLaterException("pathway " + pathwayId
                + " is not known to this service's enrolment view (yet)"));
    }

    public Optional<Chantier> chantier(String chantierId) {
        Document document = chantiers.find(Filters.eq("_id", chantierId)).first();
        if (document == null || document.getString("territoryId") == null) {
            return Optional.empty();
        }
        Map<String, LocalDate> since = new TreeMap<>();
        Document programs = document.get("programs", Document.class);
        if (programs != null) {
            programs.forEach((program, date) -> since.put(program, LocalDate.parse((String) date)));
        }
        return Optional.of(new Chantier(chantierId, document.getString("territoryId"), Map.copyOf(since)));
    }

    public Chantier requireChantier(String chantierId) {
        return chantier(chantierId).orElseThrow(() -> new RetryLaterException("chantier " + chantierId
                + " is not known to this service's enrolment view (yet)"));
    }

    private static Optional<Pathway> pathwayOf(Document d) {
        if (d.getString("entryDate") == null || d.getString("program") == null) {
            return Optional.empty(); // a later fact arrived, its enrolment not yet
        }
        String end = d.getString("endDate");
        return Optional.of(new Pathway(d.getString("_id"), d.getString("participantId"), d.getString("program"),
                d.getString("territoryId"), d.getString("chantierId"), LocalDate.parse(d.getString("entryDate")),
                end == null ? null : LocalDate.parse(end), Boolean.TRUE.equals(d.getBoolean("promoted"))));
    }

    // ---------------------------------------------------------------- feeding the view

    private HandlerSet<ProjectionBatch> handlers() {
        return HandlerSet.<ProjectionBatch>forTopic(Topics.ENROLMENT)
                .on(EnrolmentEvents.PARTICIPANT_ENROLLED, (f, b) -> b.prefetch(pathways, f.payload().pathwayId()),
                        this::enrolled)
                .on(EnrolmentEvents.ENTRY_DATE_CORRECTED, (f, b) -> b.prefetch(pathways, f.payload().pathwayId()),
                        this::entryCorrected)
                .on(EnrolmentEvents.PATHWAY_EXIT_RECORDED, (f, b) -> b.prefetch(pathways, f.payload().pathwayId()),
                        this::exitRecorded)
                .on(EnrolmentEvents.EXIT_CORRECTED, (f, b) -> b.prefetch(pathways, f.payload().pathwayId()),
                        this::exitCorrected)
                .on(EnrolmentEvents.PATHWAY_PROMOTED, (f, b) -> b.prefetch(pathways, f.payload().pathwayId()),
                        this::promoted)
                .on(EnrolmentEvents.CHANTIER_REGISTERED, (f, b) -> b.prefetch(chantiers, f.payload().chantierId()),
                        this::chantierRegistered)
                .on(EnrolmentEvents.CHANTIER_PROGRAM_STARTED,
                        (f, b) -> b.prefetch(chantiers, f.payload().chantierId()), this::programStarted)
                .build();
    }

    private void enrolled(Fact<ParticipantEnrolledV1> fact, ProjectionBatch batch) {
        ParticipantEnrolledV1 e = fact.payload();
        sameTerritory(fact, e.territoryId());
        batch.document(pathways, e.pathwayId()).applyOnce(fact.eventId(), pathway -> pathway
                .set("participantId", e.participantId()).set("program", e.program())
                .set("territoryId", e.territoryId()).set("chantierId", e.chantierId())
                .set("entryDate", e.entryDate().toString()));
    }

    private void entryCorrected(Fact<EntryDateCorrectedV1> fact, ProjectionBatch batch) {
        EntryDateCorrectedV1 e = fact.payload();
        batch.document(pathways, e.pathwayId()).applyOnce(fact.eventId(),
                pathway -> pathway.set("entryDate", e.entryDate().toString()));
    }

    private void exitRecorded(Fact<PathwayExitRecordedV1> fact, ProjectionBatch batch) {
        PathwayExitRecordedV1 e = fact.payload();
        batch.document(pathways, e.pathwayId()).applyOnce(fact.eventId(),
                pathway -> pathway.set("endDate", e.exitDate().toString()));
    }

    private void exitCorrected(Fact<ExitCorrectedV1> fact, ProjectionBatch batch) {
        ExitCorrectedV1 e = fact.payload();
        batch.document(pathways, e.pathwayId()).applyOnce(fact.eventId(),
                pathway -> pathway.set("endDate", e.exitDate().toString()));
    }

    private void promoted(Fact<PathwayPromotedV1> fact, ProjectionBatch batch) {
        PathwayPromotedV1 e = fact.payload();
        batch.document(pathways, e.pathwayId()).applyOnce(fact.eventId(), pathway -> pathway
                .set("endDate", e.promotionDate().toString()).set("promoted", true));
    }

    private void chantierRegistered(Fact<ChantierRegisteredV1> fact, ProjectionBatch batch) {
        ChantierRegisteredV1 e = fact.payload();
        sameTerritory(fact, e.territoryId());
        batch.document(chantiers, e.chantierId()).applyOnce(fact.eventId(), chantier -> {
            chantier.set("territoryId", e.territoryId());
            for (ChantierRegisteredV1.ProgramCarried program : e.programs()) {
                chantier.set("programs." + FieldNames.requireKey(program.program(), "program"),
                        program.since().toString());
            }
        });
    }

    private void programStarted(Fact<ChantierProgramStartedV1> fact, ProjectionBatch batch) {
        ChantierProgramStartedV1 e = fact.payload();
        sameTerritory(fact, e.territoryId());
        batch.document(chantiers, e.chantierId()).applyOnce(fact.eventId(), chantier -> chantier
                .set("territoryId", e.territoryId())
                .set("programs." + FieldNames.requireKey(e.program(), "program"), e.since().toString()));
    }

    /** The envelope routes by territory; a payload naming another one is not trusted. */
    static void sameTerritory(Fact<?> fact, String payloadTerritoryId) {
        if (fact.territoryId() != null && !fact.territoryId().equals(payloadTerritoryId)) {
            throw new RejectedEventException("payload territory " + payloadTerritoryId
                    + " differs from the envelope's " + fact.territoryId());
        }
    }
}
