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
import java.time.Year;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The nation's figures are recomputed over the union of the territories, never summed or averaged. */
class NationalFiguresTest {

    private final MongoClient mongo = MongoClients.create(ConvergenceStack.mongoConnectionString());
    private final ReportingModel model = new ReportingModel(new ReadModel(mongo.getDatabase("national_figures_test"),
            "n" + UUID.randomUUID().toString().substring(0, 8)));

    @AfterEach
    void dropTheReadModel() {
        model.drop();
        mongo.close();
    }

    @Test
    void aPersonAccompaniedInTwoTerritoriesInOneYearCountsOnceForTheNationAndRatesAreOverTheUnion() {
        History h = new History();
        h.territory("north");
        h.territory("south");
        h.chantier("north", "north-a", "CONVERGENCE", LocalDate.of(2016, 1, 1));
        h.chantier("south", "south-a", "CONVERGENCE", LocalDate.of(2016, 1, 1));
        h.chantier("south", "south-ph", "PREMIERES_HEURES", LocalDate.of(2016, 1, 1));
        String moving = History.uuid();
        String stayingNorth = History.uuid();
        String stayingSouth = History.uuid();
        // Accompanied in the north, then in the south, in 2020.
        History.Pathway first = h.pathway("north", "north-a", moving, "CONVERGENCE");
        first.enrolled(LocalDate.of(2018, 3, 5));
        first.exited(LocalDate.of(2020, 4, 30), "TRANSITIONAL_EMPLOYMENT");
        h.pathway("south", "south-a", moving, "CONVERGENCE").enrolled(LocalDate.of(2020, 6, 2));
        // Came from Premières Heures in the south before entering the north's CDDI.
        History.Pathway ph = h.pathway("south", "south-ph", stayingNorth, "PREMIERES_HEURES");
        History.Pathway north = h.pathway("north", "north-a", stayingNorth, "CONVERGENCE");
        ph.enrolled(LocalDate.of(2019, 9, 2));
        ph.promoted(LocalDate.of(2020, 1, 5), north);
        north.enrolled(LocalDate.of(2020, 1, 6), ph.pathwayId);
        north.exited(LocalDate.of(2020, 11, 30), "OTHER");
        History.Pathway south = h.pathway("south", "south-a", stayingSouth, "CONVERGENCE");
        south.enrolled(LocalDate.of(2019, 1, 7));
        south.exited(LocalDate.of(2020, 2, 28), "NEUTRALISED");
        ReportingRuntime.projection(model, History.CODEC).handleAll(h.consumed());

        NationalFigures nation = new FiguresService(model).national(Year.of(2020));
        TerritoryFigures northFigures = territory(nation, "north");
        TerritoryFigures southFigures = territory(nation, "south");

        assertEquals(2, northFigures.accompanied());
        assertEquals(2, southFigures.accompanied());
        assertEquals(3, nation.accompanied(), "the person who moved counts once, not twice");
        assertEquals(3, nation.exits());
        assertEquals(Rate.of(1, 2), northFigures.fromPremieresHeures());
        assertEquals(Rate.of(0, 2), southFigures.fromPremieresHeures());
        assertEquals(Rate.of(1, 3), nation.fromPremieresHeures(), "over the union of the accompanied");
        // Dynamic exits: the neutralised exit leaves the denominator; the transitional one is dynamic.
        assertEquals(Rate.of(1, 2), northFigures.dynamicExits());
        assertEquals(Rate.of(0, 0), southFigures.dynamicExits());
        assertEquals(Rate.of(1, 2), nation.dynamicExits());
        double months = (java.time.temporal.ChronoUnit.DAYS.between(LocalDate.of(2018, 3, 5), LocalDate.of(2020, 4, 30))
                + java.time.temporal.ChronoUnit.DAYS.between(LocalDate.of(2020, 1, 6), LocalDate.of(2020, 11, 30))
                + java.time.temporal.ChronoUnit.DAYS.between(LocalDate.of(2019, 1, 7), LocalDate.of(2020, 2, 28)))
                / 30.4375;
        assertEquals(Mean.of(months, 3), nation.averagePathwayMonths());
        assertEquals(1, nation.premieresHeures().promotions());
    }

    private static TerritoryFigures territory(NationalFigures nation, String territoryId) {
        return nation.territories().stream().filter(t -> t.territoryId().equals(territoryId)).findFirst()
                .orElseThrow();
    }
}
