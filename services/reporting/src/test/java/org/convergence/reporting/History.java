package org.convergence.reporting;

import org.convergence.contracts.EventEnvelope;
import org.convergence.contracts.IntegrationEventCodec;
import org.convergence.contracts.IntegrationEventType;
import org.convergence.contracts.IntegrationEvents;
import org.convergence.contracts.IntegrationPayload;
import org.convergence.contracts.Topics;
import org.convergence.contracts.accompaniment.AccompanimentEvents;
import org.convergence.contracts.accompaniment.AssessmentRecordedV1;
import org.convergence.contracts.accompaniment.BarrierStatusChangedV1;
import org.convergence.contracts.accompaniment.HealthRightsOpenedV1;
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
import org.convergence.contracts.enrolment.TerritoryRegisteredV1;
import org.convergence.contracts.hours.AbsenceMinutesV1;
import org.convergence.contracts.hours.ContractedHoursDecidedV1;
import org.convergence.contracts.hours.HoursEvents;
import org.convergence.contracts.hours.WeekHoursCorrectedV1;
import org.convergence.contracts.hours.WeekHoursRecordedV1;
import org.convergence.platform.messaging.ConsumedEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Enrolment facts as the enrolment service publishes them, in the order given: envelopes to publish to the topic,
 * or events as a consumer receives them for tests that feed a projection directly. Ids are canonical UUIDs (people
 * and pathways) and slugs (structures), as the contracts require.
 */
public final class History {

    public static final IntegrationEventCodec CODEC = new IntegrationEventCodec(IntegrationEvents.all());
    private static final AtomicLong OFFSETS = new AtomicLong();

    private final List<EventEnvelope> envelopes = new ArrayList<>();
    private final List<Pathway> pathways = new ArrayList<>();

    public List<EventEnvelope> envelopes() {
        return List.copyOf(envelopes);
    }

    /** The envelopes as one partition delivers them. */
    public List<ConsumedEvent> consumed() {
        return consumed(envelopes);
    }

    public static List<ConsumedEvent> consumed(List<EventEnvelope> envelopes) {
        return envelopes.stream().map(History::consumed).toList();
    }

    /** The envelope as its topic's partition 0 delivers it: accompaniment facts on theirs, the others on enrolment's. */
    public static ConsumedEvent consumed(EventEnvelope envelope) {
        String topic = ACCOMPANIMENT_TYPES.contains(envelope.type()) ? Topics.ACCOMPANIMENT
                : HOURS_TYPES.contains(envelope.type()) ? Topics.HOURS : Topics.ENROLMENT;
        return new ConsumedEvent(topic, 0, OFFSETS.getAndIncrement(), envelope);
    }

    private static final java.util.Set<String> HOURS_TYPES = java.util.Set.of(
            HoursEvents.WEEK_HOURS_RECORDED.name(), HoursEvents.WEEK_HOURS_CORRECTED.name(),
            HoursEvents.CONTRACTED_HOURS_DECIDED.name());

    private static final java.util.Set<String> ACCOMPANIMENT_TYPES = java.util.Set.of(
            AccompanimentEvents.ASSESSMENT_RECORDED.name(), AccompanimentEvents.BARRIER_STATUS_CHANGED.name(),
            AccompanimentEvents.HEALTH_RIGHTS_OPENED.name());

    public static String uuid() {
        return UUID.randomUUID().toString();
    }

    public EventEnvelope territory(String territoryId) {
        return add(EnrolmentEvents.TERRITORY_REGISTERED, new TerritoryRegisteredV1(territoryId, territoryId, "URBAN"),
                LocalDate.of(2015, 1, 1), territoryId, territoryId, null);
    }

    public EventEnvelope coordination(String territoryId, String structure, LocalDate since) {
        return add(EnrolmentEvents.COORDINATION_DESIGNATED, new CoordinationDesignatedV1(territoryId, structure, since),
                since, territoryId, territoryId, null);
    }

    public EventEnvelope chantier(String territoryId, String chantierId, String program, LocalDate since) {
        return add(EnrolmentEvents.CHANTIER_REGISTERED, new ChantierRegisteredV1(chantierId, territoryId, chantierId,
                List.of(new ChantierRegisteredV1.ProgramCarried(program, since))), since, territoryId, territoryId,
                chantierId);
    }

    public EventEnvelope programStarted(String territoryId, String chantierId, String program, LocalDate since) {
        return add(EnrolmentEvents.CHANTIER_PROGRAM_STARTED, new ChantierProgramStartedV1(chantierId, territoryId,
                program, since), since, territoryId, territoryId, chantierId);
    }

    /** A pathway of one participant: its facts share the participant's key. */
    public Pathway pathway(String territoryId, String chantierId, String participantId, String program) {
        Pathway pathway = new Pathway(territoryId, chantierId, participantId, program, uuid());
        pathways.add(pathway);
        return pathway;
    }

    /** Every pathway of the history, in the order they were created. */
    public List<Pathway> pathways() {
        return List.copyOf(pathways);
    }

    public final class Pathway {
        public final String territoryId;
        public final String chantierId;
        public final String participantId;
        public final String program;
        public final String pathwayId;

        private Pathway(String territoryId, String chantierId, String participantId, String program,
                        String pathwayId) {
            this.territoryId = territoryId;
            this.chantierId = chantierId;
            this.participantId = participantId;
            this.program = program;
            this.pathwayId = pathwayId;
        }

        public EventEnvelope enrolled(LocalDate entryDate) {
            return enrolled(entryDate, null);
        }

        public EventEnvelope enrolled(LocalDate entryDate, String promotedFrom) {
            return fact(EnrolmentEvents.PARTICIPANT_ENROLLED, new ParticipantEnrolledV1(pathwayId, participantId,
                    program, territoryId, chantierId, entryDate, promotedFrom), entryDate);
        }

        public EventEnvelope exited(LocalDate exitDate, String category) {
            return fact(EnrolmentEvents.PATHWAY_EXIT_RECORDED, new PathwayExitRecordedV1(pathwayId, participantId,
                    program, exitDate, category, null), exitDate);
        }

        public EventEnvelope exitCorrected(LocalDate exitDate, String category) {
            return fact(EnrolmentEvents.EXIT_CORRECTED, new ExitCorrectedV1(pathwayId, participantId, program,
                    exitDate, category, null), exitDate);
        }

        public EventEnvelope entryCorrected(LocalDate previous, LocalDate entryDate) {
            return fact(EnrolmentEvents.ENTRY_DATE_CORRECTED, new EntryDateCorrectedV1(pathwayId, participantId,
                    previous, entryDate), entryDate);
        }

        public EventEnvelope promoted(LocalDate on, Pathway to) {
            return fact(EnrolmentEvents.PATHWAY_PROMOTED, new PathwayPromotedV1(pathwayId, participantId,
                    to.pathwayId, on), on);
        }

        /** The accompaniment's entry assessment (its own topic, keyed by the participant). */
        public EventEnvelope assessed(LocalDate on, List<String> barriers) {
            return fact(AccompanimentEvents.ASSESSMENT_RECORDED, new AssessmentRecordedV1(pathwayId, participantId,
                    program, on, "STREET", barriers), on);
        }

        public EventEnvelope housing(LocalDate on, String status) {
            return fact(AccompanimentEvents.BARRIER_STATUS_CHANGED, new BarrierStatusChangedV1(pathwayId,
                    participantId, "HOUSING", status, on), on);
        }

        public EventEnvelope healthRightsOpened(LocalDate on) {
            return fact(AccompanimentEvents.HEALTH_RIGHTS_OPENED, new HealthRightsOpenedV1(pathwayId, participantId,
                    "CSS", on), on);
        }

        public EventEnvelope checkIn(LocalDate on, int milestone) {
            return fact(EnrolmentEvents.CHECK_IN_RECORDED, new CheckInRecordedV1(pathwayId, participantId, milestone,
                    on, "OTHER", "STREET"), on);
        }

        /** Minutes worked in an ISO week ({@code YYYY-Www}): the hours topic, keyed by the pathway. */
        public EventEnvelope worked(String week, int minutes) {
            return add(HoursEvents.WEEK_HOURS_RECORDED, new WeekHoursRecordedV1(pathwayId, participantId, program,
                    week, minutes, new AbsenceMinutesV1(0, 0, 0, 0)), LocalDate.now(), pathwayId, territoryId,
                    chantierId);
        }

        public EventEnvelope weekCorrected(String week, int minutes) {
            return add(HoursEvents.WEEK_HOURS_CORRECTED, new WeekHoursCorrectedV1(pathwayId, participantId, program,
                    week, minutes, new AbsenceMinutesV1(0, 0, 0, 0)), LocalDate.now(), pathwayId, territoryId,
                    chantierId);
        }

        public EventEnvelope decided(LocalDate from, int weeklyHours, String reason) {
            return add(HoursEvents.CONTRACTED_HOURS_DECIDED, new ContractedHoursDecidedV1(pathwayId, participantId,
                    program, from, weeklyHours, null, reason, "staff-1"), from, pathwayId, territoryId, chantierId);
        }

        private <P extends IntegrationPayload> EventEnvelope fact(IntegrationEventType<P> type, P payload,
                                                                 LocalDate on) {
            return add(type, payload, on, participantId, territoryId, chantierId);
        }
    }

    private <P extends IntegrationPayload> EventEnvelope add(IntegrationEventType<P> type, P payload,
                                                            LocalDate occurredOn, String key, String territoryId,
                                                            String chantierId) {
        EventEnvelope envelope = new EventEnvelope(uuid(), type.name(), type.version(), occurredOn, Instant.now(), key,
                territoryId, chantierId, CODEC.toJson(payload));
        envelopes.add(envelope);
        return envelope;
    }

    /**
     * Years of two territories (each with a chantier joining Convergence late and a Premières Heures chantier):
     * pathways entering and leaving in every exit category, some too short to count, entry and exit corrections,
     * promotions from Premières Heures, check-ins, and people accompanied in both territories.
     */
    public static History sample(String prefix, int participants, long seed) {
        Random random = new Random(seed);
        History history = new History();
        String[] territories = {prefix + "-north", prefix + "-south"};
        String[] categories = {"DURABLE_EMPLOYMENT", "TRANSITIONAL_EMPLOYMENT", "POSITIVE_EXIT", "OTHER",
                "NEUTRALISED", null};
        for (String territory : territories) {
            history.territory(territory);
            history.chantier(territory, territory + "-a", "CONVERGENCE", LocalDate.of(2016, 1, 1));
            history.chantier(territory, territory + "-b", "PREMIERES_HEURES", LocalDate.of(2017, 1, 1));
            history.programStarted(territory, territory + "-b", "CONVERGENCE", LocalDate.of(2019, 6, 1));
            history.chantier(territory, territory + "-ph", "PREMIERES_HEURES", LocalDate.of(2016, 1, 1));
        }
        for (int i = 0; i < participants; i++) {
            String participant = uuid();
            String territory = territories[random.nextInt(2)];
            String chantier = territory + (random.nextBoolean() ? "-a" : "-b");
            LocalDate entry = LocalDate.of(2017, 1, 2).plusDays(random.nextInt(365 * 4));
            Pathway convergence = history.pathway(territory, chantier, participant, "CONVERGENCE");
            if (random.nextInt(4) == 0) {
                Pathway ph = history.pathway(territory, territory + "-ph", participant, "PREMIERES_HEURES");
                ph.enrolled(entry.minusDays(60 + random.nextInt(200)));
                ph.promoted(entry.minusDays(1), convergence);
                convergence.enrolled(entry, ph.pathwayId);
            } else {
                convergence.enrolled(entry);
            }
            if (random.nextInt(6) == 0) {
                LocalDate corrected = entry.plusDays(random.nextInt(90) - 45);
                convergence.entryCorrected(entry, corrected);
                entry = corrected;
            }
            if (random.nextInt(10) < 7) {
                LocalDate exit = entry.plusDays(random.nextInt(2) == 0 ? random.nextInt(80) : 90 + random.nextInt(900));
                convergence.exited(exit, categories[random.nextInt(categories.length)]);
                if (random.nextInt(5) == 0) {
                    convergence.exitCorrected(exit.plusDays(random.nextInt(120)),
                            categories[random.nextInt(categories.length - 1)]);
                }
                if (random.nextBoolean()) {
                    convergence.checkIn(exit.plusMonths(1), 1);
                }
                if (random.nextInt(5) == 0) {
                    // The same person later accompanied in the other territory.
                    String other = territory.equals(territories[0]) ? territories[1] : territories[0];
                    history.pathway(other, other + "-a", participant, "CONVERGENCE").enrolled(exit.plusDays(20));
                }
            }
        }
        return history;
    }
}
