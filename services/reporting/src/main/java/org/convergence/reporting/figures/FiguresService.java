package org.convergence.reporting.figures;

import org.convergence.platform.programs.ProgramCatalog;
import org.convergence.platform.time.BusinessDates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.convergence.platform.projection.ProjectionBatch;
import org.convergence.reporting.projection.ReportingModel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Answers figure queries from the read model. A territory lists its chantiers and each chantier's roster holds
 * a summary of its pathways, so a territory's pathways are one {@code _id} lookup and one {@code $in} on a few
 * roster buckets; where participants came from (Premières Heures, in any territory) is read from the Premières
 * Heures index. The nation is computed over the union of the territories' pathways, participants counted once.
 */
public final class FiguresService {

    private final ReportingModel model;
    private final AccompanimentRecords accompaniment;
    private final AccompanimentActivityRecords activity;
    private final TransitionRecords transitions;
    private final TransitionYear transitionYear;
    private final HoursRecords hours;
    private final Map<String, Integer> defaultWeeklyHours;

    public FiguresService(ReportingModel model) {
        this(model, TransitionYear.DEFAULT_ALERT_WEEKS, Map.of());
    }

    public FiguresService(ReportingModel model, int meetingAlertWeeks) {
        this(model, meetingAlertWeeks, Map.of());
    }

    public FiguresService(ReportingModel model, Map<String, Integer> defaultWeeklyHours) {
        this(model, TransitionYear.DEFAULT_ALERT_WEEKS, defaultWeeklyHours);
    }

    /**
     * @param meetingAlertWeeks a transition without a meeting for longer than this is on the alert list
     * @param defaultWeeklyHours by program, the contract before any decision (for the hours figures)
     */
    public FiguresService(ReportingModel model, int meetingAlertWeeks, Map<String, Integer> defaultWeeklyHours) {
        this.model = model;
        this.accompaniment = new AccompanimentRecords(model);
        this.activity = new AccompanimentActivityRecords(model);
        this.transitions = new TransitionRecords(model);
        this.transitionYear = new TransitionYear(meetingAlertWeeks);
        this.hours = new HoursRecords(model);
        this.defaultWeeklyHours = Map.copyOf(defaultWeeklyHours);
    }

    /** The same figures, with the same settings, over another read model (a generation being rebuilt). */
    public FiguresService over(ReportingModel other) {
        return new FiguresService(other, transitionYear.alertWeeks(), defaultWeeklyHours);
    }

    /** The employer transitions of these chantiers, for the meeting alert list. */
    public List<TransitionRecord> transitionsAt(Collection<String> chantierIds) {
        return transitions.at(chantierIds);
    }

    public TransitionYear transitionYear() {
        return transitionYear;
    }

    /** Every pathway of a territory; empty if reporting has not heard of the territory. */
    public Optional<List<PathwayRecord>> pathwaysOfTerritory(String territoryId) {
        Document territory = model.territories().find(Filters.eq("_id", territoryId)).first();
        return Optional.ofNullable(territory).map(t -> pathwaysAt(territoryId, chantierIdsOf(t)));
    }

    private static List<String> chantierIdsOf(Document territory) {
        return territory.getList("chantierIds", String.class, List.of());
    }

    /** The pathways in these chantiers' rosters; one whose enrolment fact has not arrived has no entry date. */
    private List<PathwayRecord> pathwaysAt(String territoryId, Collection<String> chantierIds) {
        List<PathwayRecord> pathways = new ArrayList<>();
        if (chantierIds.isEmpty()) {
            return pathways;
        }
        for (Document bucket : model.chantierRoster().find(Filters.in("_id", ReportingModel.rosterBucketsOf(chantierIds)))
                .projection(Projections.exclude(ProjectionBatch.APPLIED_BY_ENTRY))) {
            String bucketId = bucket.getString("_id");
            String chantierId = bucketId.substring(0, bucketId.lastIndexOf('#'));
            Document entries = bucket.get("pathways", Document.class);
            if (entries != null) {
                entries.forEach((pathwayId, entry) -> pathways.add(recordOf(pathwayId, territoryId, chantierId,
                        (Document) entry)));
            }
        }
        return pathways;
    }

    private static PathwayRecord recordOf(String pathwayId, String territoryId, String chantierId, Document d) {
        return new PathwayRecord(pathwayId, d.getString("participantId"), d.getString("program"), territoryId,
                chantierId, date(d, "entryDate"), date(d, "exitDate"), d.getString("exitCategory"),
                d.getString("promotedTo"), Set.copyOf(d.getList("checkIns", Integer.class, List.of())));
    }

    /** Figures of one territory and year; empty if reporting has not heard of the territory. */
    public Optional<TerritoryFigures> territory(String territoryId, Year year) {
        return pathwaysOfTerritory(territoryId).map(pathways -> figuresOf(territoryId, pathways, year, Instant.now()));
    }

    /** Figures of one chantier and year (its pathways within its territory); empty if the chantier is unknown. */
    public Optional<ChantierFigures> chantier(String chantierId, Year year) {
        Document chantier = model.chantiers().find(Filters.eq("_id", chantierId)).first();
        if (chantier == null || chantier.getString("territoryId") == null) {
            return Optional.empty();
        }
        String territoryId = chantier.getString("territoryId");
        List<PathwayRecord> pathways = pathwaysAt(territoryId, List.of(chantierId));
        return Optional.of(new ChantierFigures(chantierId, territoryId,
                figuresOf(territoryId, pathways, year, Instant.now())));
    }

    /**
     * The nation over the union of the territories' pathways. Chantier start dates and the accompanied
     * participants' other pathways are read once for the union and shared by every territory's figures.
     */
    public NationalFigures national(Year year) {
        Instant asOf = Instant.now();
        Map<String, List<PathwayRecord>> byTerritoryId = new LinkedHashMap<>();
        Map<String, PathwayRecord> union = new LinkedHashMap<>();
        for (Document territory : model.territories().find()) {
            List<PathwayRecord> pathways = pathwaysAt(territory.getString("_id"), chantierIdsOf(territory));
            pathways.forEach(p -> union.put(p.pathwayId(), p));
            byTerritoryId.put(territory.getString("_id"), pathways);
        }
        List<PathwayRecord> all = List.copyOf(union.values());
        YearFigures figures = new YearFigures(convergenceStarts(all), year);
        List<PathwayRecord> theirs = pathwaysOfParticipants(figures.accompaniedParticipants(all));
        Map<String, AccompanimentRecord> accompanied = accompaniment.at(chantierIdsOf(all));
        AccompanimentActivityRecords.Activity activities = activity.at(chantierIdsOf(all));
        List<TransitionRecord> allTransitions = transitions.at(chantierIdsOf(all));
        Map<String, HoursRecord> worked = hours.at(chantierIdsOf(all));
        HoursCounting hoursCounting = new HoursCounting(year, defaultWeeklyHours);
        List<TerritoryFigures> byTerritory = new ArrayList<>();
        byTerritoryId.forEach((territoryId, pathways) -> {
            Set<String> chantierIds = chantierIdsOf(pathways);
            byTerritory.add(figuresOf(territoryId, pathways, figures, theirs, accompanied, activities, year,
                    transitionFigures(allTransitions.stream().filter(t -> chantierIds.contains(t.chantierId()))
                            .toList(), year), hoursCounting.of(pathways, worked), null));
        });
        byTerritory.sort((a, b) -> a.territoryId().compareTo(b.territoryId()));
        TerritoryFigures nation = figuresOf(null, all, figures, theirs, accompanied, activities, year,
                transitionFigures(allTransitions, year), hoursCounting.of(all, worked), asOf);
        return new NationalFigures(year.getValue(), nation.accompanied(), nation.exits(), nation.fromPremieresHeures(),
                nation.averagePathwayMonths(), nation.dynamicExits(), nation.premieresHeures(),
                nation.housingResolved(), nation.healthRightsOpened(), nation.accompanimentActivity(),
                nation.transitions(), nation.hours(), byTerritory, asOf);
    }

    private TerritoryFigures figuresOf(String territoryId, List<PathwayRecord> pathways, Year year, Instant asOf) {
        YearFigures figures = new YearFigures(convergenceStarts(pathways), year);
        return figuresOf(territoryId, pathways, figures,
                pathwaysOfParticipants(figures.accompaniedParticipants(pathways)),
                accompaniment.at(chantierIdsOf(pathways)), activity.at(chantierIdsOf(pathways)), year,
                transitionFigures(transitions.at(chantierIdsOf(pathways)), year),
                new HoursCounting(year, defaultWeeklyHours).of(pathways, hours.at(chantierIdsOf(pathways))), asOf);
    }

    private TransitionFigures transitionFigures(List<TransitionRecord> of, Year year) {
        return transitionYear.of(of, year, BusinessDates.today());
    }

    private static Set<String> chantierIdsOf(Collection<PathwayRecord> pathways) {
        Set<String> chantierIds = new HashSet<>();
        pathways.forEach(p -> chantierIds.add(p.chantierId()));
        return chantierIds;
    }

    /**
     * @param everyPathwayOfTheirs all pathways of (at least) the participants accompanied in {@code pathways}
     * @param accompaniment        the accompaniment of (at least) these pathways, by pathway id
     */
    private static TerritoryFigures figuresOf(String territoryId, List<PathwayRecord> pathways, YearFigures figures,
                                              List<PathwayRecord> everyPathwayOfTheirs,
                                              Map<String, AccompanimentRecord> accompaniment,
                                              AccompanimentActivityRecords.Activity activity, Year year,
                                              TransitionFigures transitions, HoursFigures hoursFigures,
                                              Instant asOf) {
        AccompanimentFigures housingAndHealth = new AccompanimentFigures(figures, year);
        return new TerritoryFigures(territoryId, year.getValue(), figures.accompaniedParticipants(pathways).size(),
                figures.exits(pathways).size(), figures.fromPremieresHeures(pathways, everyPathwayOfTheirs),
                figures.averagePathwayMonths(pathways), figures.dynamicExits(pathways),
                figures.premieresHeures(pathways), housingAndHealth.housingResolved(pathways, accompaniment),
                housingAndHealth.healthRightsOpened(pathways, accompaniment),
                activity.of(chantierIdsOf(pathways), year), transitions, hoursFigures, asOf);
    }

    /**
     * The Premières Heures pathways of these participants, in any territory (what fromPremieresHeures needs of
     * their other pathways), from the buckets of the Premières Heures index that hold them.
     */
    private List<PathwayRecord> pathwaysOfParticipants(Set<String> participantIds) {
        List<PathwayRecord> found = new ArrayList<>();
        if (participantIds.isEmpty()) {
            return found;
        }
        for (Document bucket : model.premieresHeures().find(Filters.in("_id",
                ReportingModel.premieresHeuresBucketsOf(participantIds)))) {
            Document participants = bucket.get("participants", Document.class);
            if (participants == null) {
                continue;
            }
            for (String participantId : participants.keySet()) {
                if (participantIds.contains(participantId)) {
                    participants.get(participantId, Document.class).forEach((pathwayId, entryDate) ->
                            found.add(new PathwayRecord(pathwayId, participantId, ProgramCatalog.PREMIERES_HEURES, null,
                                    null, LocalDate.parse((String) entryDate), null, null, null)));
                }
            }
        }
        return found;
    }

    private Map<String, LocalDate> convergenceStarts(List<PathwayRecord> pathways) {
        Set<String> chantierIds = new HashSet<>();
        pathways.forEach(p -> chantierIds.add(p.chantierId()));
        Map<String, LocalDate> starts = new HashMap<>();
        if (chantierIds.isEmpty()) {
            return starts;
        }
        for (Document d : model.chantiers().find(Filters.in("_id", chantierIds))) {
            Document programs = d.get("programs", Document.class);
            if (programs != null && programs.getString(ProgramCatalog.CONVERGENCE) != null) {
                starts.put(d.getString("_id"), LocalDate.parse(programs.getString(ProgramCatalog.CONVERGENCE)));
            }
        }
        return starts;
    }

    private static LocalDate date(Document d, String field) {
        String value = d.getString(field);
        return value == null ? null : LocalDate.parse(value);
    }
}
