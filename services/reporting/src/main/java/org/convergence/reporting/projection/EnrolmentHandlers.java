package org.convergence.reporting.projection;

import org.convergence.contracts.IntegrationPayload;
import org.convergence.contracts.Topics;
import org.convergence.contracts.enrolment.ChantierProgramStartedV1;
import org.convergence.contracts.enrolment.ChantierRegisteredV1;
import org.convergence.contracts.enrolment.CheckInRecordedV1;
import org.convergence.contracts.enrolment.CoordinationDesignatedV1;
import org.convergence.contracts.enrolment.EnrolmentEvents;
import org.convergence.contracts.enrolment.EntryDateCorrectedV1;
import org.convergence.contracts.enrolment.ExitCorrectedV1;
import org.convergence.contracts.enrolment.ParticipantEnrolledV1;
import org.convergence.contracts.enrolment.PathwayExitRecordedV1;
import org.convergence.contracts.enrolment.PathwayPromotedV1;
import org.convergence.contracts.enrolment.ProgramStatusChangedV1;
import org.convergence.contracts.enrolment.SteeringCommitteeHeldV1;
import org.convergence.contracts.enrolment.TerritoryRegisteredV1;
import org.convergence.platform.messaging.Fact;
import org.convergence.platform.messaging.FactHandler;
import org.convergence.platform.messaging.HandlerSet;
import org.convergence.platform.messaging.RejectedEventException;
import org.convergence.platform.programs.ProgramCatalog;
import org.convergence.platform.projection.FieldNames;
import org.convergence.platform.projection.ProjectionBatch;

import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What reporting does with each fact of {@code convergence.enrolment.v1}. Each fact sets its own fields only, so a
 * participant's facts may arrive in any order (an exit before its enrolment waits in the same roster entry); a
 * correction replaces the fields it corrects. Dates are kept as ISO strings, which sort like dates.
 */
final class EnrolmentHandlers {

    private static final String CONVERGENCE_START = "programs." + ProgramCatalog.CONVERGENCE;

    private final ReportingModel model;
    private final FigureCounters counters;
    private final PremieresHeuresContracts contracts;

    EnrolmentHandlers(ReportingModel model) {
        this.model = model;
        this.counters = new FigureCounters(model);
        this.contracts = new PremieresHeuresContracts(model);
    }

    HandlerSet<ProjectionBatch> handlers() {
        return HandlerSet.<ProjectionBatch>forTopic(Topics.ENROLMENT)
                .on(EnrolmentEvents.TERRITORY_REGISTERED, territory(TerritoryRegisteredV1::territoryId),
                        this::territoryRegistered)
                .on(EnrolmentEvents.PROGRAM_STATUS_CHANGED, territory(ProgramStatusChangedV1::territoryId),
                        this::programStatusChanged)
                .on(EnrolmentEvents.COORDINATION_DESIGNATED, territory(CoordinationDesignatedV1::territoryId),
                        this::coordinationDesignated)
                .on(EnrolmentEvents.STEERING_COMMITTEE_HELD, territory(SteeringCommitteeHeldV1::territoryId),
                        this::steeringCommitteeHeld)
                .on(EnrolmentEvents.CHANTIER_REGISTERED,
                        chantier(ChantierRegisteredV1::territoryId, ChantierRegisteredV1::chantierId),
                        this::chantierRegistered)
                .on(EnrolmentEvents.CHANTIER_PROGRAM_STARTED,
                        chantier(ChantierProgramStartedV1::territoryId, ChantierProgramStartedV1::chantierId),
                        this::chantierProgramStarted)
                .on(EnrolmentEvents.PARTICIPANT_ENROLLED, pathway(ParticipantEnrolledV1::pathwayId, ParticipantEnrolledV1::participantId), this::enrolled)
                .on(EnrolmentEvents.ENTRY_DATE_CORRECTED, pathway(EntryDateCorrectedV1::pathwayId, EntryDateCorrectedV1::participantId),
                        this::entryCorrected)
                .on(EnrolmentEvents.PATHWAY_EXIT_RECORDED, pathway(PathwayExitRecordedV1::pathwayId, PathwayExitRecordedV1::participantId),
                        this::exitRecorded)
                .on(EnrolmentEvents.EXIT_CORRECTED, pathway(ExitCorrectedV1::pathwayId, ExitCorrectedV1::participantId), this::exitCorrected)
                .on(EnrolmentEvents.PATHWAY_PROMOTED, pathway(PathwayPromotedV1::pathwayId, PathwayPromotedV1::participantId), this::promoted)
                .on(EnrolmentEvents.CHECK_IN_RECORDED, pathway(CheckInRecordedV1::pathwayId, CheckInRecordedV1::participantId), this::checkInRecorded)
                .build();
    }

    // ---------------------------------------------------------------- territories and chantiers

    private void territoryRegistered(Fact<TerritoryRegisteredV1> fact, ProjectionBatch batch) {
        TerritoryRegisteredV1 e = fact.payload();
        territory(fact, e.territoryId(), batch, t -> t.set("name", e.name()).set("densityKind", e.densityKind())
                .set("registered", true));
    }

    /** Each status keeps its own date field, so the deployment can be read as of any day. */
    private void programStatusChanged(Fact<ProgramStatusChangedV1> fact, ProjectionBatch batch) {
        ProgramStatusChangedV1 e = fact.payload();
        String field = "OPERATIONAL".equals(e.status()) ? "operationalSince" : "engagedOn";
        territory(fact, e.territoryId(), batch, t -> t.set("programs." + program(e.program()) + "." + field,
                e.effectiveOn().toString()));
    }

    private void coordinationDesignated(Fact<CoordinationDesignatedV1> fact, ProjectionBatch batch) {
        CoordinationDesignatedV1 e = fact.payload();
        territory(fact, e.territoryId(), batch, t -> t.set("coordinationStructure", e.structureName()));
    }

    private void steeringCommitteeHeld(Fact<SteeringCommitteeHeldV1> fact, ProjectionBatch batch) {
        SteeringCommitteeHeldV1 e = fact.payload();
        territory(fact, e.territoryId(), batch, t -> t.addToList("steeringCommittees", e.heldOn().toString()));
    }

    private void territory(Fact<?> fact, String territoryId, ProjectionBatch batch,
                           Consumer<ProjectionBatch.Unit> effect) {
        sameTerritory(fact, territoryId);
        batch.document(model.territories(), key(territoryId, "territoryId")).applyOnce(fact.eventId(), effect);
    }

    private void chantierRegistered(Fact<ChantierRegisteredV1> fact, ProjectionBatch batch) {
        ChantierRegisteredV1 e = fact.payload();
        chantier(fact, e.territoryId(), e.chantierId(), batch, c -> {
            c.set("territoryId", e.territoryId()).set("name", e.name());
            e.programs().forEach(p -> c.set("programs." + program(p.program()), p.since().toString()));
        });
    }

    private void chantierProgramStarted(Fact<ChantierProgramStartedV1> fact, ProjectionBatch batch) {
        ChantierProgramStartedV1 e = fact.payload();
        chantier(fact, e.territoryId(), e.chantierId(), batch, c -> c.set("territoryId", e.territoryId())
                .set("programs." + program(e.program()), e.since().toString()));
    }

    private void chantier(Fact<?> fact, String territoryId, String chantierId, ProjectionBatch batch,
                          Consumer<ProjectionBatch.Unit> effect) {
        sameTerritory(fact, territoryId);
        batch.document(model.chantiers(), key(chantierId, "chantierId")).applyOnce(fact.eventId(), c -> {
            listChantier(batch, key(territoryId, "territoryId"), chantierId);
            String convergenceStart = c.getString(CONVERGENCE_START);
            effect.accept(c);
            counters.convergenceStartChanged(batch, chantierId, convergenceStart, c.getString(CONVERGENCE_START));
        });
    }

    // ---------------------------------------------------------------- pathways

    private void enrolled(Fact<ParticipantEnrolledV1> fact, ProjectionBatch batch) {
        ParticipantEnrolledV1 e = fact.payload();
        sameTerritory(fact, e.territoryId());
        if (fact.chantierId() != null && !fact.chantierId().equals(e.chantierId())) {
            throw new RejectedEventException("payload chantier " + e.chantierId() + " differs from the envelope's "
                    + fact.chantierId());
        }
        pathway(fact, e.pathwayId(), e.participantId(), batch, entry -> {
            entry.set("program", program(e.program())).set("entryDate", e.entryDate().toString())
                    .set("promotedFrom", e.promotedFromPathwayId());
            if (ProgramCatalog.PREMIERES_HEURES.equals(e.program())) {
                indexPremieresHeures(batch, e.participantId(), e.pathwayId(), e.entryDate().toString());
            }
        });
    }

    /** A correction replaces the fields it corrects: figures of past years move with it. */
    private void entryCorrected(Fact<EntryDateCorrectedV1> fact, ProjectionBatch batch) {
        EntryDateCorrectedV1 e = fact.payload();
        pathway(fact, e.pathwayId(), e.participantId(), batch, entry -> {
            entry.set("entryDate", e.entryDate().toString());
            // The event does not say the program; the entry does, once its enrolment arrived.
            if (ProgramCatalog.PREMIERES_HEURES.equals(entry.getString("program"))) {
                indexPremieresHeures(batch, e.participantId(), e.pathwayId(), e.entryDate().toString());
            }
        });
    }

    private void exitRecorded(Fact<PathwayExitRecordedV1> fact, ProjectionBatch batch) {
        PathwayExitRecordedV1 e = fact.payload();
        pathway(fact, e.pathwayId(), e.participantId(), batch, entry -> entry.set("program", program(e.program()))
                .set("exitDate", e.exitDate().toString()).set("exitCategory", e.exitCategory()));
    }

    private void exitCorrected(Fact<ExitCorrectedV1> fact, ProjectionBatch batch) {
        ExitCorrectedV1 e = fact.payload();
        pathway(fact, e.pathwayId(), e.participantId(), batch, entry -> entry
                .set("exitDate", e.exitDate().toString()).set("exitCategory", e.exitCategory()));
    }

    private void checkInRecorded(Fact<CheckInRecordedV1> fact, ProjectionBatch batch) {
        CheckInRecordedV1 e = fact.payload();
        pathway(fact, e.pathwayId(), e.participantId(), batch, entry -> entry.addToList("checkIns",
                e.milestoneMonths()));
    }

    private void promoted(Fact<PathwayPromotedV1> fact, ProjectionBatch batch) {
        PathwayPromotedV1 e = fact.payload();
        pathway(fact, e.pathwayId(), e.participantId(), batch, entry -> entry
                .set("program", ProgramCatalog.PREMIERES_HEURES)
                .set("exitDate", e.promotionDate().toString()).set("promotedTo", e.convergencePathwayId()));
    }

    /**
     * One pathway fact: its entry in its chantier's roster (with the fact's marker, in the same document), the
     * territory's chantier list and, for Premières Heures, the index. A fact the entry already applied writes
     * nothing at all: an old fact delivered again on its own cannot undo a later correction.
     */
    private void pathway(Fact<?> fact, String pathwayId, String participantId, ProjectionBatch batch,
                         Consumer<ProjectionBatch.Unit> effect) {
        if (fact.territoryId() == null || fact.chantierId() == null) {
            throw new RejectedEventException(fact.envelope().type() + " without territoryId and chantierId in its "
                    + "envelope");
        }
        String chantierId = key(fact.chantierId(), "chantierId");
        String territoryId = key(fact.territoryId(), "territoryId");
        key(participantId, "participantId");
        batch.entry(model.chantierRoster(), ReportingModel.rosterBucketOf(chantierId, key(pathwayId, "pathwayId")),
                "pathways", pathwayId).applyOnce(fact.eventId(), entry -> {
                    Set<String> before = TerritoryYears.periodsOf(entry.getString("entryDate"),
                            entry.getString("exitDate"));
                    entry.set("participantId", participantId);
                    listChantier(batch, territoryId, chantierId);
                    effect.accept(entry);
                    fileUnderItsYears(batch, territoryId, chantierId, pathwayId, entry, before);
                    counters.pathwayChanged(batch, participantId, pathwayId, territoryId, chantierId, entry);
                    contracts.pathwayChanged(batch, fact.eventId(), participantId, pathwayId, territoryId, entry);
                });
    }

    /**
     * The pathway's entry in the per-territory-year aggregates, recomputed from its roster entry after the fact:
     * set in every period it now counts in, emptied in those it left (a corrected date moves it). Blind sets of
     * paths only this pathway's facts write, stored before the roster entry's marker (flush order).
     */
    private void fileUnderItsYears(ProjectionBatch batch, String territoryId, String chantierId, String pathwayId,
                                   ProjectionBatch.Unit entry, Set<String> before) {
        Set<String> after = TerritoryYears.periodsOf(entry.getString("entryDate"), entry.getString("exitDate"));
        String path = "pathways." + pathwayId;
        for (String period : before) {
            if (!after.contains(period)) {
                batch.set(model.territoryYears(), TerritoryYears.bucketOf(territoryId, period, pathwayId), path, null);
            }
        }
        if (after.isEmpty()) {
            return;
        }
        String filed = TerritoryYears.encode(entry.getString("participantId"), entry.getString("program"), chantierId,
                entry.getString("entryDate"), entry.getString("exitDate"), entry.getString("exitCategory"),
                entry.getString("promotedTo"));
        for (String period : after) {
            batch.set(model.territoryYears(), TerritoryYears.bucketOf(territoryId, period, pathwayId), path, filed);
        }
    }

    private void indexPremieresHeures(ProjectionBatch batch, String participantId, String pathwayId, String date) {
        batch.set(model.premieresHeures(), ReportingModel.premieresHeuresBucketOf(participantId),
                "participants." + participantId + "." + pathwayId, date);
    }

    /** The territory learns a chantier once: the list is read with the batch, so known chantiers cost nothing. */
    private void listChantier(ProjectionBatch batch, String territoryId, String chantierId) {
        if (!batch.document(model.territories(), territoryId).getList("chantierIds", String.class)
                .contains(chantierId)) {
            batch.addToSet(model.territories(), territoryId, "chantierIds", chantierId);
            batch.set(model.territories(), territoryId, "known", true);
        }
    }

    // ---------------------------------------------------------------- prefetching

    private <P extends IntegrationPayload> FactHandler<P, ProjectionBatch> territory(Function<P, String> territoryId) {
        return (fact, batch) -> prefetch(batch, model.territories(), territoryId.apply(fact.payload()));
    }

    private <P extends IntegrationPayload> FactHandler<P, ProjectionBatch> chantier(Function<P, String> territoryId,
                                                                                  Function<P, String> chantierId) {
        return (fact, batch) -> {
            prefetch(batch, model.territories(), territoryId.apply(fact.payload()));
            String chantier = chantierId.apply(fact.payload());
            prefetch(batch, model.chantiers(), chantier);
            if (chantier != null && !chantier.isBlank() && chantier.length() <= 200) {
                // A change of the chantier's Convergence start moves its participants' counters (ADR 0031).
                batch.prefetch(model.participantPathways(), FigureCounters.participantsAt(chantier));
            }
        };
    }

    /**
     * A pathway fact reads its roster bucket, its territory (for the chantier list), its participant's pathways
     * and its chantier (for the figure counters).
     */
    private <P extends IntegrationPayload> FactHandler<P, ProjectionBatch> pathway(Function<P, String> pathwayId,
                                                                                 Function<P, String> participantId) {
        return (fact, batch) -> {
            String chantierId = fact.chantierId();
            String id = pathwayId.apply(fact.payload());
            if (chantierId != null && id != null) {
                prefetch(batch, model.chantierRoster(), ReportingModel.rosterBucketOf(chantierId, id));
            }
            prefetch(batch, model.territories(), fact.territoryId());
            prefetch(batch, model.chantiers(), chantierId);
            String participant = participantId.apply(fact.payload());
            if (participant != null) {
                counters.prefetch(batch, participant, chantierId != null && chantierId.length() <= 200
                        ? chantierId : null);
            }
        };
    }

    /** Prefetching is an optimisation: an id that cannot be a key is refused when the fact is applied. */
    private static void prefetch(ProjectionBatch batch, com.mongodb.client.MongoCollection<org.bson.Document> collection,
                                 String id) {
        if (id != null && !id.isBlank() && id.length() <= 200) {
            batch.prefetch(collection, id);
        }
    }

    // ---------------------------------------------------------------- checks

    /** The envelope routes a fact by territory; a payload naming another one is not trusted. */
    private static void sameTerritory(Fact<?> fact, String payloadTerritoryId) {
        if (fact.territoryId() != null && !fact.territoryId().equals(payloadTerritoryId)) {
            throw new RejectedEventException("payload territory " + payloadTerritoryId + " differs from the "
                    + "envelope's " + fact.territoryId());
        }
    }

    private static String key(String id, String what) {
        return FieldNames.requireKey(id, what);
    }

    private static String program(String code) {
        return FieldNames.requireKey(code, "program");
    }
}
