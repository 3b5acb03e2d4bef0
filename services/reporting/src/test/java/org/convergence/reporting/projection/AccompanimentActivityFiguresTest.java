package org.convergence.reporting.projection;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.convergence.contracts.EventEnvelope;
import org.convergence.contracts.IntegrationEventType;
import org.convergence.contracts.IntegrationPayload;
import org.convergence.contracts.Topics;
import org.convergence.contracts.accompaniment.AccompanimentEvents;
import org.convergence.contracts.accompaniment.ReferralSentV1;
import org.convergence.contracts.accompaniment.ReferralStatusChangedV1;
import org.convergence.contracts.accompaniment.SupportSessionHeldV1;
import org.convergence.embedded.ConvergenceStack;
import org.convergence.platform.messaging.ConsumedEvent;
import org.convergence.platform.projection.Projection;
import org.convergence.platform.projection.ReadModel;
import org.convergence.reporting.History;
import org.convergence.reporting.figures.AccompanimentActivity;
import org.convergence.reporting.figures.AccompanimentActivity.Held;
import org.convergence.reporting.figures.AccompanimentActivity.Outcomes;
import org.convergence.reporting.figures.FiguresService;
import org.convergence.reporting.figures.NationalFigures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Referrals by partner kind and outcome, and support sessions by kind with their participants (DOMAIN.md "Figures",
 * "Also"), over facts handed to reporting's projection as its consumer would.
 */
class AccompanimentActivityFiguresTest {

    private static final String CV = "CONVERGENCE";
    private static final AtomicLong OFFSETS = new AtomicLong();

    private final MongoClient mongo = MongoClients.create(ConvergenceStack.mongoConnectionString());
    private final ReportingModel model = new ReportingModel(new ReadModel(mongo.getDatabase("reporting_projection_test"),
            "s" + UUID.randomUUID().toString().substring(0, 8)));
    private final Projection projection = ReportingRuntime.projection(model, History.CODEC);
    private final FiguresService figures = new FiguresService(model);
    private final History history = new History();
    private final List<ConsumedEvent> accompaniment = new ArrayList<>();

    @BeforeEach
    void parisAndLyonWithOneChantierEach() {
        history.territory("paris");
        history.chantier("paris", "emmaus-defi", CV, LocalDate.parse("2015-01-01"));
        history.territory("lyon");
        history.chantier("lyon", "lyon-est", CV, LocalDate.parse("2020-01-06"));
        history.pathway("paris", "emmaus-defi", History.uuid(), CV).enrolled(LocalDate.parse("2019-03-04"));
        history.pathway("lyon", "lyon-est", History.uuid(), CV).enrolled(LocalDate.parse("2020-01-06"));
    }

    @AfterEach
    void dropTheReadModel() {
        model.drop();
        mongo.close();
    }

    private <P extends IntegrationPayload> void fact(String territory, String chantier, String key,
                                                     IntegrationEventType<P> type, P payload, LocalDate on) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID().toString(), type.name(), type.version(), on,
                Instant.now(), key, territory, chantier, History.CODEC.toJson(payload));
        accompaniment.add(new ConsumedEvent(Topics.ACCOMPANIMENT, 0, OFFSETS.getAndIncrement(), envelope));
    }

    private void session(String territory, String chantier, String kind, String heldOn, int participants) {
        fact(territory, chantier, chantier, AccompanimentEvents.SUPPORT_SESSION_HELD, new SupportSessionHeldV1(
                History.uuid(), territory, chantier, kind, LocalDate.parse(heldOn), participants),
                LocalDate.parse(heldOn));
    }

    /** A referral sent on {@code sentOn} to a partner of that kind, then taking each of {@code statuses}. */
    private void referral(String partnerKind, String sentOn, String... statuses) {
        String referralId = History.uuid();
        String pathwayId = History.uuid();
        String participantId = History.uuid();
        LocalDate sent = LocalDate.parse(sentOn);
        fact("paris", "emmaus-defi", participantId, AccompanimentEvents.REFERRAL_SENT, new ReferralSentV1(referralId,
                pathwayId, participantId, "p-" + partnerKind.toLowerCase().replace('_', '-'), partnerKind, "HOUSING",
                sent), sent);
        for (String status : statuses) {
            fact("paris", "emmaus-defi", participantId, AccompanimentEvents.REFERRAL_STATUS_CHANGED,
                    new ReferralStatusChangedV1(referralId, pathwayId, participantId, "p-x", partnerKind, "HOUSING",
                            status, sent.plusDays(40)), sent.plusDays(40));
        }
    }

    private void project() {
        assertEquals(Map.of(), projection.handleAll(List.copyOf(history.consumed())));
        assertEquals(Map.of(), projection.handleAll(List.copyOf(accompaniment)));
    }

    private AccompanimentActivity of(String territory, int year) {
        return figures.territory(territory, Year.of(year)).orElseThrow().accompanimentActivity();
    }

    /**
     * The seed's 2020 support figures for Paris and Lyon (62 flash-coaching sessions, 257 speech-group
     * participants, 78 music-therapy sessions): Paris held 40 flash-coaching sessions, 12 speech groups of 12 or 13
     * (150 participants) and 50 music-therapy sessions; Lyon 22, 9 groups (107 participants) and 28. Sessions of
     * 2019 do not count in 2020.
     */
    @Test
    void supportSessionsAreCountedByKindWithTheirParticipantsPerTerritoryAndForTheNation() {
        for (int i = 0; i < 40; i++) {
            session("paris", "emmaus-defi", "FLASH_COACHING", "2020-04-06", 6);
        }
        for (int i = 0; i < 22; i++) {
            session("lyon", "lyon-est", "FLASH_COACHING", "2020-05-11", 5);
        }
        for (int i = 0; i < 12; i++) {
            session("paris", "emmaus-defi", "SPEECH_GROUP", "2020-06-02", i < 6 ? 12 : 13);
        }
        for (int i = 0; i < 9; i++) {
            session("lyon", "lyon-est", "SPEECH_GROUP", "2020-09-14", i < 8 ? 12 : 11);
        }
        for (int i = 0; i < 50; i++) {
            session("paris", "emmaus-defi", "MUSIC_THERAPY", "2020-10-05", 8);
        }
        for (int i = 0; i < 28; i++) {
            session("lyon", "lyon-est", "MUSIC_THERAPY", "2020-11-09", 7);
        }
        session("paris", "emmaus-defi", "MUSIC_THERAPY", "2019-12-30", 8);
        project();

        assertEquals(new Held(40, 240), of("paris", 2020).supportSessions().flashCoaching());
        assertEquals(new Held(9, 107), of("lyon", 2020).supportSessions().speechGroup());
        assertEquals(new Held(1, 8), of("paris", 2019).supportSessions().musicTherapy());
        AccompanimentActivity.SessionsByKind nation = figures.national(Year.of(2020)).accompanimentActivity()
                .supportSessions();
        assertEquals(62, nation.flashCoaching().sessions());
        assertEquals(257, nation.speechGroup().participants());
        assertEquals(78, nation.musicTherapy().sessions());
        assertEquals(new Held(0, 0), nation.conferenceDebate());
    }

    @Test
    void referralsSentInTheYearAreCountedByPartnerKindWithHowTheyEnded() {
        referral("CPAM_CONTACT", "2020-02-03", "ACCEPTED", "COMPLETED");
        referral("CPAM_CONTACT", "2020-03-02", "EXPIRED");
        referral("CPAM_CONTACT", "2020-11-02", "ACCEPTED");
        referral("CPAM_CONTACT", "2020-12-01");
        referral("SOCIAL_LANDLORD", "2020-05-04", "DECLINED");
        referral("SOCIAL_LANDLORD", "2020-06-01", "CANCELLED");
        referral("SOCIAL_LANDLORD", "2019-12-02", "ACCEPTED", "COMPLETED");
        project();

        AccompanimentActivity.ReferralsByPartnerKind paris = of("paris", 2020).referrals();
        assertEquals(new Outcomes(4, 1, 0, 0, 1), paris.cpamContact());
        assertEquals(new Outcomes(2, 0, 1, 1, 0), paris.socialLandlord());
        assertEquals(new Outcomes(0, 0, 0, 0, 0), paris.psychologist());
        assertEquals(new Outcomes(1, 1, 0, 0, 0), of("paris", 2019).referrals().socialLandlord());
        assertEquals(new Outcomes(0, 0, 0, 0, 0), of("lyon", 2020).referrals().cpamContact());
        NationalFigures nation = figures.national(Year.of(2020));
        assertEquals(paris, nation.accompanimentActivity().referrals());
    }

    @Test
    void aFactReadTwiceCountsOnce() {
        referral("CPAM_CONTACT", "2020-02-03", "ACCEPTED", "COMPLETED");
        session("paris", "emmaus-defi", "SPEECH_GROUP", "2020-06-02", 12);
        project();
        assertEquals(Map.of(), projection.handleAll(List.copyOf(accompaniment)));

        assertEquals(new Outcomes(1, 1, 0, 0, 0), of("paris", 2020).referrals().cpamContact());
        assertEquals(new Held(1, 12), of("paris", 2020).supportSessions().speechGroup());
    }
}
