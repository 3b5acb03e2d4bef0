package org.convergence.reporting.figures;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.convergence.embedded.ConvergenceStack;
import org.convergence.platform.projection.ReadModel;
import org.convergence.reporting.History;
import org.convergence.reporting.projection.ReportingModel;
import org.convergence.reporting.projection.ReportingRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The hours read back for the figures' fold and the weeks-without-hours list (ADR 0057): the decisions from the
 * chantier's hours roster, the weeks of the years asked from the pathways' year documents, read a few at a time.
 */
class HoursRecordsTest {

    private final MongoClient mongo = MongoClients.create(ConvergenceStack.mongoConnectionString());
    private final ReportingModel model = new ReportingModel(new ReadModel(mongo.getDatabase("reporting_records_test"),
            "r" + UUID.randomUUID().toString().substring(0, 8)));

    @AfterEach
    void dropTheReadModel() {
        model.drop();
        mongo.close();
    }

    @Test
    void everyPathwaysWeeksOfTheYearsAskedAreReadWhateverHowManyYearDocumentsOneReadTakes() {
        History history = new History();
        history.territory("hr-west");
        history.chantier("hr-west", "hr-west-a", "CONVERGENCE", LocalDate.of(2016, 1, 1));
        Map<String, Map<String, Integer>> expected = new HashMap<>();
        List<String> pathwayIds = new ArrayList<>();
        for (int p = 0; p < 7; p++) {
            History.Pathway pathway = history.pathway("hr-west", "hr-west-a", History.uuid(), "CONVERGENCE");
            pathway.enrolled(LocalDate.of(2019, 1, 7));
            pathway.worked("2019-W40", 100 + p);   // a year not asked
            pathway.worked("2020-W02", 200 + p);
            pathway.worked("2021-W03", 300 + p);
            pathwayIds.add(pathway.pathwayId);
            expected.put(pathway.pathwayId, Map.of("2020-W02", 200 + p, "2021-W03", 300 + p));
        }
        History.Pathway decidedOnly = history.pathway("hr-west", "hr-west-a", History.uuid(), "CONVERGENCE");
        decidedOnly.enrolled(LocalDate.of(2020, 1, 6));
        decidedOnly.decided(LocalDate.of(2020, 1, 6), 30, "PARTICIPANT_WISH");
        assertEquals(Map.of(), ReportingRuntime.projection(model, History.CODEC).handleAll(history.consumed()));

        // 7 pathways and 2 years are 14 year documents: read 3 at a time, in 5 reads.
        Map<String, HoursRecord> records = new HoursRecords(model, 3).at(Set.of("hr-west-a"), pathwayIds,
                List.of(2020, 2021));

        Map<String, Map<String, Integer>> weeks = new HashMap<>();
        records.forEach((id, record) -> weeks.put(id, record.minutesByWeek()));
        expected.put(decidedOnly.pathwayId, Map.of());
        assertEquals(expected, weeks);
        assertEquals("CONVERGENCE", records.get(pathwayIds.get(0)).program());
        assertEquals(List.of(new HoursRecord.Decision(LocalDate.of(2020, 1, 6), 30, "PARTICIPANT_WISH")),
                records.get(decidedOnly.pathwayId).decisions());
    }
}
