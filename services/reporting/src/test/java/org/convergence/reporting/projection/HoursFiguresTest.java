package org.convergence.reporting.projection;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.convergence.contracts.EventEnvelope;
import org.convergence.contracts.IntegrationEventType;
import org.convergence.contracts.IntegrationPayload;
import org.convergence.contracts.Topics;
import org.convergence.contracts.hours.AbsenceMinutesV1;
import org.convergence.contracts.hours.ContractedHoursDecidedV1;
import org.convergence.contracts.hours.HoursEvents;
import org.convergence.contracts.hours.WeekHoursCorrectedV1;
import org.convergence.contracts.hours.WeekHoursRecordedV1;
import org.convergence.embedded.ConvergenceStack;
import org.convergence.platform.messaging.ConsumedEvent;
import org.convergence.platform.projection.Projection;
import org.convergence.platform.projection.ReadModel;
import org.convergence.reporting.History;
import org.convergence.reporting.dataquality.WeeksWithoutHours;
import org.convergence.reporting.figures.FiguresService;
import org.convergence.reporting.figures.HoursFigures;
import org.convergence.reporting.figures.HoursRecords;
import org.convergence.reporting.figures.NationalFigures;
import org.convergence.reporting.figures.PathwayRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Reporting's hours figures and the weeks-without-hours list over a small history: enrolment and hours facts handed
 * to reporting's projection as its consumer would; each pathway below states why it counts or not.
 */
class HoursFiguresTest {

    private static final String PH = "PREMIERES_HEURES";
    private static final String CV = "CONVERGENCE";
    private static final AbsenceMinutesV1 NO_ABSENCE = new AbsenceMinutesV1(0, 0, 0, 0);
    private static final AtomicLong OFFSETS = new AtomicLong();

    private final MongoClient mongo = MongoClients.create(ConvergenceStack.mongoConnectionString());
    private final ReportingModel model = new ReportingModel(new ReadModel(mongo.getDatabase("reporting_projection_test"),
            "h" + UUID.randomUUID().toString().substring(0, 8)));
    private final Projection projection = ReportingRuntime.projection(model, History.CODEC);
    private final FiguresService figures = new FiguresService(model, Map.of(PH, 4, CV, 26));
    private final History history = new History();
    private final List<ConsumedEvent> hours = new ArrayList<>();
    private final String territory = "paris";
    private final String chantier = "emmaus-defi";

    @AfterEach
    void dropTheReadModel() {
        model.drop();
        mongo.close();
    }

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    private void aChantier() {
        history.territory(territory);
        history.chantier(territory, chantier, PH, d("2015-01-01"));
        history.programStarted(territory, chantier, CV, d("2015-01-01"));
    }

    private History.Pathway pathway(String program, String entry, String exit) {
        History.Pathway pathway = history.pathway(territory, chantier, History.uuid(), program);
        pathway.enrolled(d(entry));
        if (exit != null) {
            pathway.exited(d(exit), "OTHER");
        }
        return pathway;
    }

    private void worked(History.Pathway p, String week, int minutes) {
        fact(p, HoursEvents.WEEK_HOURS_RECORDED, new WeekHoursRecordedV1(p.pathwayId, p.participantId, p.program,
                week, minutes, NO_ABSENCE));
    }

    private void corrected(History.Pathway p, String week, int minutes) {
        fact(p, HoursEvents.WEEK_HOURS_CORRECTED, new WeekHoursCorrectedV1(p.pathwayId, p.participantId, p.program,
                week, minutes, NO_ABSENCE));
    }

    private void decided(History.Pathway p, String from, int weeklyHours, String reason) {
        fact(p, HoursEvents.CONTRACTED_HOURS_DECIDED, new ContractedHoursDecidedV1(p.pathwayId, p.participantId,
                p.program, d(from), weeklyHours, null, reason, "staff-1"));
    }

    private <P extends IntegrationPayload> void fact(History.Pathway p, IntegrationEventType<P> type, P payload) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID().toString(), type.name(), type.version(),
                d("2020-01-06"), Instant.now(), p.pathwayId, p.territoryId, p.chantierId, History.CODEC.toJson(payload));
        hours.add(new ConsumedEvent(Topics.HOURS, 0, OFFSETS.getAndIncrement(), envelope));
    }

    private void project() {
        assertEquals(Map.of(), projection.handleAll(List.copyOf(history.consumed())));
        assertEquals(Map.of(), projection.handleAll(List.copyOf(hours)));
    }

    private HoursFigures hours2020() {
        project();
        return figures.territory(territory, Year.of(2020)).orElseThrow().hours();
    }

    @Test
    void hoursWorkedAreTheMinutesOfTheIsoWeeksOfTheYearByProgramACorrectionReplacingTheFigure() {
        aChantier();
        History.Pathway ph = pathway(PH, "2019-12-02", null);
        worked(ph, "2019-W52", 600);   // 2019: not counted
        worked(ph, "2020-W01", 240);   // starts on 30 December 2019, a week of 2020 (its Thursday is in 2020)
        worked(ph, "2020-W02", 240);
        corrected(ph, "2020-W02", 360); // replaces 240
        worked(ph, "2020-W53", 300);   // ends on 3 January 2021, a week of 2020
        History.Pathway cddi = pathway(CV, "2019-06-03", null);
        worked(cddi, "2020-W10", 1560);
        worked(cddi, "2020-W11", 1530);
        worked(cddi, "2021-W01", 1560); // 2021: not counted

        HoursFigures figures = hours2020();

        assertEquals(15, figures.workedPremieresHeures()); // (240 + 360 + 300) / 60
        assertEquals(52, figures.workedConvergence());     // 3090 / 60 = 51.5, to the nearest hour
        assertEquals(0, figures.workedOtherPrograms());
    }

    /**
     * ADR 0057: a week's figure counts under the program its year's document holds, so a fact naming another
     * program moves the weeks of its year, and those only (hours facts carry their pathway's program, which enrolment
     * never changes: this is the rule for a producer that would). Counted and folded alike.
     */
    @Test
    void aPathwaysHoursFactNamingAnotherProgramMovesTheWeeksOfItsYearToThatProgram() {
        aChantier();
        History.Pathway ph = pathway(PH, "2019-12-02", null);
        worked(ph, "2019-W50", 300);
        worked(ph, "2020-W02", 240);
        worked(ph, "2020-W03", 240);
        fact(ph, HoursEvents.WEEK_HOURS_RECORDED, new WeekHoursRecordedV1(ph.pathwayId, ph.participantId, CV,
                "2020-W04", 600, NO_ABSENCE));

        HoursFigures figures = hours2020();

        assertEquals(0, figures.workedPremieresHeures());
        assertEquals(18, figures.workedConvergence()); // (240 + 240 + 600) / 60
        HoursFigures of2019 = this.figures.territory(territory, Year.of(2019)).orElseThrow().hours();
        assertEquals(5, of2019.workedPremieresHeures()); // 300 / 60: the week of 2019 stays Premières Heures
        assertEquals(0, of2019.workedConvergence());
        for (Year year : List.of(Year.of(2019), Year.of(2020))) {
            assertEquals(this.figures.fromScratch().territory(territory, year).orElseThrow().hours(),
                    this.figures.territory(territory, year).orElseThrow().hours(), "counted = folded in " + year);
        }
    }

    /**
     * ADR 0057, issue 8: the state a new week's fact needs does not grow with the pathway's history. Its weeks are
     * kept in one document per pathway and week-based year, which a week's fact alone reads and marks; the hours
     * roster entry keeps the contract decisions, and no week.
     */
    @Test
    void aWeeksFactKeepsItsWeekInItsPathwaysDocumentOfThatYearAloneAndTheRosterEntryHoldsNoWeek() {
        aChantier();
        History.Pathway cddi = pathway(CV, "2018-12-03", null);
        List<String> weeks = new ArrayList<>();
        for (LocalDate monday = d("2018-12-31"); monday.isBefore(d("2021-01-11")); monday = monday.plusWeeks(1)) {
            weeks.add(String.format("%04d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
                    monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
        }
        weeks.forEach(week -> worked(cddi, week, 1560));
        decided(cddi, "2020-01-06", 30, "PARTICIPANT_WISH");
        project();

        Map<String, List<String>> weeksByDocument = new TreeMap<>();
        for (Document document : model.hoursWeeks().find()) {
            Document years = document.get(ReportingModel.HOURS_YEAR, Document.class);
            assertEquals(1, years.size(), "one year per document");
            Document year = years.get(document.getString("_id").substring(document.getString("_id").length() - 4),
                    Document.class);
            weeksByDocument.put(document.getString("_id"), List.copyOf(year.get("weeks", Document.class).keySet()));
        }
        assertEquals(Set.of(cddi.pathwayId + "#2019", cddi.pathwayId + "#2020", cddi.pathwayId + "#2021"),
                weeksByDocument.keySet());
        weeksByDocument.forEach((id, ofYear) -> assertEquals(List.of(), ofYear.stream()
                .filter(week -> !id.endsWith("#" + week.substring(0, 4))).toList(), id + " holds its year only"));
        assertEquals(52 + 53 + 1, weeksByDocument.values().stream().mapToInt(List::size).sum()); // 2020 has 53 weeks
        Document entry = model.hoursRoster().find().first().get("pathways", Document.class)
                .get(cddi.pathwayId, Document.class);
        assertEquals(Set.of("participantId", "program", "contracts"), entry.keySet());
        assertEquals(53 * 26, figures.territory(territory, Year.of(2020)).orElseThrow().hours().workedConvergence());
    }

    @Test
    void premieresHeuresParticipantsAreCountedByTheirContractOnTheLastDayOfTheYearOrOfTheirPathway() {
        aChantier();
        pathway(PH, "2020-02-03", null);                       // no decision: the default 4 h
        History.Pathway six = pathway(PH, "2020-02-03", null);  // 4 then 6 from June
        decided(six, "2020-02-03", 4, "CONTRACT_START");
        decided(six, "2020-06-01", 6, "LADDER_STEP");
        History.Pathway five = pathway(PH, "2020-02-03", null);
        decided(five, "2020-02-03", 5, "PARTICIPANT_WISH");
        History.Pathway eightAtExit = pathway(PH, "2020-01-06", "2020-09-30"); // 8 on its exit
        decided(eightAtExit, "2020-07-06", 8, "LADDER_STEP");
        History.Pathway twelve = pathway(PH, "2019-10-07", null);
        decided(twelve, "2020-11-02", 12, "OTHER");
        History.Pathway stepUpNextYear = pathway(PH, "2020-03-02", null); // 4 on 31 December 2020
        decided(stepUpNextYear, "2021-01-04", 6, "LADDER_STEP");
        pathway(PH, "2019-01-07", "2019-12-20");  // ended before the year: not counted
        pathway(PH, "2021-01-04", null);          // began after the year: not counted
        pathway(CV, "2020-01-06", null);          // not Premières Heures

        HoursFigures.PremieresHeuresContracts contracts = hours2020().premieresHeuresContracts();

        assertEquals(new HoursFigures.PremieresHeuresContracts(2, 2, 1, 1), contracts);
    }

    @Test
    void stepUpsDecidedAreTheLadderStepsTakingEffectInTheYear() {
        aChantier();
        History.Pathway a = pathway(PH, "2019-06-03", null);
        decided(a, "2019-09-02", 6, "LADDER_STEP");   // 2019
        decided(a, "2020-01-06", 8, "LADDER_STEP");   // counted
        History.Pathway b = pathway(PH, "2020-01-06", null);
        decided(b, "2020-03-02", 6, "LADDER_STEP");   // counted
        decided(b, "2020-05-04", 4, "HEALTH");        // not a step up
        History.Pathway c = pathway(PH, "2020-01-06", null);
        decided(c, "2021-01-04", 6, "LADDER_STEP");   // 2021

        assertEquals(2, hours2020().stepUpsDecided());
    }

    @Test
    void aHoursFactDeliveredAgainChangesNoFigure() {
        aChantier();
        History.Pathway ph = pathway(PH, "2020-01-06", null);
        worked(ph, "2020-W02", 240);
        decided(ph, "2020-03-02", 6, "LADDER_STEP");
        HoursFigures once = hours2020();

        assertEquals(Map.of(), projection.handleAll(List.copyOf(hours)));

        assertEquals(once, figures.territory(territory, Year.of(2020)).orElseThrow().hours());
        assertEquals(4, once.workedPremieresHeures());
        assertEquals(1, once.stepUpsDecided());
    }

    @Test
    void theNationAddsTheTerritoriesHoursAndCountsEachParticipantOnce() {
        aChantier();
        History.Pathway paris = pathway(PH, "2020-01-06", null);
        worked(paris, "2020-W02", 600);
        history.territory("lyon");
        history.chantier("lyon", "lyon-chantier", PH, d("2015-01-01"));
        History.Pathway lyon = history.pathway("lyon", "lyon-chantier", History.uuid(), PH);
        lyon.enrolled(d("2020-01-06"));
        worked(lyon, "2020-W03", 480);
        decided(lyon, "2020-01-06", 8, "OTHER");
        project();

        NationalFigures nation = figures.national(Year.of(2020));

        assertEquals(18, nation.hours().workedPremieresHeures());
        assertEquals(new HoursFigures.PremieresHeuresContracts(1, 0, 1, 0), nation.hours().premieresHeuresContracts());
        assertEquals(Set.of(10L, 8L), nation.territories().stream().map(t -> t.hours().workedPremieresHeures())
                .collect(Collectors.toSet()));
    }

    @Test
    void weeksWithoutHoursListActivePathwaysMissingAWeekAmongTheLastFourCompleteWeeks() {
        aChantier();
        // asOf Wednesday 11 March 2020 (2020-W11, not due yet): the weeks due are 2020-W07 to 2020-W10.
        History.Pathway complete = pathway(PH, "2020-01-06", null);
        for (String week : List.of("2020-W07", "2020-W08", "2020-W09", "2020-W10")) {
            worked(complete, week, 240);
        }
        History.Pathway oneMissing = pathway(CV, "2019-01-07", null);
        for (String week : List.of("2020-W07", "2020-W08", "2020-W10")) {
            worked(oneMissing, week, 1560);
        }
        History.Pathway enteredInW10 = pathway(PH, "2020-03-04", null);
        History.Pathway exitedInW07 = pathway(PH, "2019-10-07", "2020-02-14");
        pathway(PH, "2019-10-07", "2020-02-07");   // ended before the weeks checked
        pathway(PH, "2020-03-09", null);           // began in the week not due yet
        History.Pathway zeroHours = pathway(PH, "2020-01-06", null);
        for (String week : List.of("2020-W07", "2020-W08", "2020-W09", "2020-W10")) {
            worked(zeroHours, week, 0);            // a week reported with no hours worked is reported
        }
        project();
        List<PathwayRecord> pathways = figures.pathwaysOfTerritory(territory).orElseThrow();

        WeeksWithoutHours.TerritoryList list = WeeksWithoutHours.of(territory, pathways,
                new HoursRecords(model).at(Set.of(chantier), pathways.stream().map(PathwayRecord::pathwayId).toList(),
                        WeeksWithoutHours.weekBasedYearsDue(d("2020-03-11"), 4)), d("2020-03-11"), 4, Set.of(PH, CV));

        assertEquals(List.of("2020-W07", "2020-W08", "2020-W09", "2020-W10"), list.weeksDue());
        Map<String, List<String>> listed = list.pathways().stream().collect(Collectors.toMap(
                WeeksWithoutHours.Item::pathwayId, WeeksWithoutHours.Item::weeksWithoutHours));
        assertEquals(Map.of(oneMissing.pathwayId, List.of("2020-W09"), enteredInW10.pathwayId, List.of("2020-W10"),
                exitedInW07.pathwayId, List.of("2020-W07")), listed);
        assertEquals(3, list.count());
        assertEquals(3, list.weeks());
        assertEquals(Map.of(chantier, 3), list.countByChantier());
    }
}
