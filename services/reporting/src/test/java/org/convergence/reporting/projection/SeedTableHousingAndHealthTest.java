package org.convergence.reporting.projection;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.convergence.contracts.EventEnvelope;
import org.convergence.contracts.IntegrationEventType;
import org.convergence.contracts.IntegrationPayload;
import org.convergence.contracts.Topics;
import org.convergence.contracts.accompaniment.AccompanimentEvents;
import org.convergence.contracts.accompaniment.AssessmentRecordedV1;
import org.convergence.contracts.accompaniment.BarrierStatusChangedV1;
import org.convergence.contracts.accompaniment.HealthRightsOpenedV1;
import org.convergence.embedded.ConvergenceStack;
import org.convergence.platform.messaging.ConsumedEvent;
import org.convergence.platform.projection.Projection;
import org.convergence.platform.projection.ReadModel;
import org.convergence.reporting.History;
import org.convergence.reporting.figures.FiguresService;
import org.convergence.reporting.figures.Rate;
import org.convergence.reporting.figures.TerritoryFigures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The housing and health rows of the seed's "2020 en chiffres" table, read back from facts handed to reporting's
 * projection. The history, generated:
 * <ul>
 *   <li>Paris (Convergence since 2015 at emmaus-defi): 102 pathways entered 2018-01-08 and exited 2020-06-30, of
 *   which 85 had a housing barrier at entry, 68 of those in progress (34 of them then resolved) before their exit;
 *   248 pathways entered 2019-02-04, still running: 350 accompanied. 203 of the 350 had health rights opened on
 *   2020-04-06: 80 % housing, 58 % health rights.</li>
 *   <li>Lyon: fndsa and grenier-de-lahso join Convergence on 2020-01-01, armee-du-salut on 2020-06-01, bringing
 *   people employed since 2019. 53 pathways entered 2019-01-07 and exited 2020-09-30, 46 with a housing barrier at
 *   entry, 40 of them in progress by their exit; 114 entered 2019-05-06, still running: 167 accompanied. 78 had
 *   health rights opened on 2020-07-06, after every chantier joined: 87 % housing, 47 % health rights. Another 20
 *   had rights opened on 2019-10-07, before their chantier joined Convergence: those do not count.</li>
 * </ul>
 */
class SeedTableHousingAndHealthTest {

    private static final String CV = "CONVERGENCE";

    private final MongoClient mongo = MongoClients.create(ConvergenceStack.mongoConnectionString());
    private final ReportingModel model = new ReportingModel(new ReadModel(mongo.getDatabase("reporting_projection_test"),
            "s" + UUID.randomUUID().toString().substring(0, 8)));
    private final Projection projection = ReportingRuntime.projection(model, History.CODEC);
    private final FiguresService figures = new FiguresService(model);
    private final History history = new History();
    private final List<ConsumedEvent> accompaniment = new ArrayList<>();
    private long offset;

    @AfterEach
    void dropTheReadModel() {
        model.drop();
        mongo.close();
    }

    @Test
    void parisAndLyon2020HousingAndHealthRightsFiguresAreTheSeedTables() {
        List<History.Pathway> paris = new ArrayList<>();
        history.territory("paris");
        history.chantier("paris", "emmaus-defi", CV, d("2015-01-01"));
        for (int i = 0; i < 102; i++) {
            History.Pathway p = pathway("paris", "emmaus-defi", "2018-01-08", "2020-06-30");
            housing(p, "2018-01-15", i < 85, i < 68, i < 34);
            paris.add(p);
        }
        for (int i = 0; i < 248; i++) {
            History.Pathway p = pathway("paris", "emmaus-defi", "2019-02-04", null);
            housing(p, "2019-02-11", i % 2 == 0, false, false);
            paris.add(p);
        }
        for (int i = 0; i < 203; i++) {
            opened(paris.get(i * 350 / 203), "2020-04-06");
        }

        List<History.Pathway> lyon = new ArrayList<>();
        history.territory("lyon");
        history.chantier("lyon", "fndsa", CV, d("2020-01-01"));
        history.chantier("lyon", "grenier-de-lahso", CV, d("2020-01-01"));
        history.chantier("lyon", "armee-du-salut", CV, d("2020-06-01"));
        List<String> lyonChantiers = List.of("fndsa", "grenier-de-lahso", "armee-du-salut");
        for (int i = 0; i < 53; i++) {
            History.Pathway p = pathway("lyon", lyonChantiers.get(i % 3), "2019-01-07", "2020-09-30");
            housing(p, "2019-01-14", i < 46, i < 40, i < 20);
            lyon.add(p);
        }
        for (int i = 0; i < 114; i++) {
            lyon.add(pathway("lyon", lyonChantiers.get(i % 3), "2019-05-06", null));
        }
        for (int i = 0; i < 78; i++) {
            opened(lyon.get(i * 2), "2020-07-06");
        }
        for (int i = 0; i < 20; i++) {
            opened(lyon.get(i * 2 + 1), "2019-10-07");
        }

        assertEquals(Map.of(), projection.handleAll(List.copyOf(history.consumed())));
        assertEquals(Map.of(), projection.handleAll(List.copyOf(accompaniment)));
        TerritoryFigures paris2020 = figures.territory("paris", Year.of(2020)).orElseThrow();
        TerritoryFigures lyon2020 = figures.territory("lyon", Year.of(2020)).orElseThrow();

        assertEquals(350, paris2020.accompanied());
        assertEquals(102, paris2020.exits());
        assertEquals(Rate.of(68, 85), paris2020.housingResolved());
        assertEquals(80, percent(paris2020.housingResolved()));
        assertEquals(Rate.of(203, 350), paris2020.healthRightsOpened());
        assertEquals(58, percent(paris2020.healthRightsOpened()));

        assertEquals(167, lyon2020.accompanied());
        assertEquals(53, lyon2020.exits());
        assertEquals(Rate.of(40, 46), lyon2020.housingResolved());
        assertEquals(87, percent(lyon2020.housingResolved()));
        assertEquals(Rate.of(78, 167), lyon2020.healthRightsOpened());
        assertEquals(47, percent(lyon2020.healthRightsOpened()));
    }

    private static long percent(Rate rate) {
        return Math.round(rate.value() * 100);
    }

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    private History.Pathway pathway(String territory, String chantier, String entry, String exit) {
        History.Pathway pathway = history.pathway(territory, chantier, History.uuid(), CV);
        pathway.enrolled(d(entry));
        if (exit != null) {
            pathway.exited(d(exit), "OTHER");
        }
        return pathway;
    }

    /** An assessment on {@code on}; with a housing barrier, possibly in progress in 2019, possibly resolved in 2020. */
    private void housing(History.Pathway p, String on, boolean barrier, boolean inProgress, boolean resolved) {
        fact(p, AccompanimentEvents.ASSESSMENT_RECORDED, new AssessmentRecordedV1(p.pathwayId, p.participantId, CV,
                d(on), "STREET", barrier ? List.of("HOUSING") : List.of("MOBILITY")), on);
        if (inProgress) {
            fact(p, AccompanimentEvents.BARRIER_STATUS_CHANGED, new BarrierStatusChangedV1(p.pathwayId,
                    p.participantId, "HOUSING", "IN_PROGRESS", d("2019-11-04")), "2019-11-04");
        }
        if (resolved) {
            fact(p, AccompanimentEvents.BARRIER_STATUS_CHANGED, new BarrierStatusChangedV1(p.pathwayId,
                    p.participantId, "HOUSING", "RESOLVED", d("2020-03-02")), "2020-03-02");
        }
    }

    private void opened(History.Pathway p, String on) {
        fact(p, AccompanimentEvents.HEALTH_RIGHTS_OPENED, new HealthRightsOpenedV1(p.pathwayId, p.participantId,
                "PUMA", d(on)), on);
    }

    private <P extends IntegrationPayload> void fact(History.Pathway p, IntegrationEventType<P> type, P payload,
                                                    String on) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID().toString(), type.name(), type.version(), d(on),
                Instant.now(), p.participantId, p.territoryId, p.chantierId, History.CODEC.toJson(payload));
        accompaniment.add(new ConsumedEvent(Topics.ACCOMPANIMENT, 0, offset++, envelope));
    }
}
