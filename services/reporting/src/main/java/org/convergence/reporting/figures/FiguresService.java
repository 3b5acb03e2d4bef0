package org.convergence.reporting.figures;

import org.convergence.platform.programs.ProgramCatalog;
import org.convergence.platform.time.BusinessDates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.convergence.platform.projection.ProjectionBatch;
import org.convergence.reporting.projection.FigureCounters;
import org.convergence.reporting.projection.ReportingModel;
import org.convergence.reporting.projection.TerritoryYears;

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

    /**
     * Aggregate documents read per {@code $in}: the embedded server answers a query in one reply, which it refuses
     * beyond 48 MB, and the nation's year at a million pathways is about 65 MB (docs/benchmarks.md).
     */
    private static final int AGGREGATES_PER_READ = 128;

    private final ReportingModel model;
    private final AccompanimentRecords accompaniment;
    private final AccompanimentActivityRecords activity;
    private final TransitionRecords transitions;
    private final TransitionYear transitionYear;
    private final HoursRecords hours;
    private final CountedHours countedHours;
    private final Map<String, Integer> defaultWeeklyHours;
    /** Whether a year's pathways are read from every roster entry (the test oracle) rather than the aggregates. */
    private final boolean fromScratch;

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
        this(model, meetingAlertWeeks, defaultWeeklyHours, false);
    }

    private FiguresService(ReportingModel model, int meetingAlertWeeks, Map<String, Integer> defaultWeeklyHours,
                           boolean fromScratch) {
        this.model = model;
        this.fromScratch = fromScratch;
        this.accompaniment = new AccompanimentRecords(model);
        this.activity = new AccompanimentActivityRecords(model);
        this.transitions = new TransitionRecords(model);
        this.transitionYear = new TransitionYear(meetingAlertWeeks);
        this.hours = new HoursRecords(model);
        this.countedHours = new CountedHours(model);
        this.defaultWeeklyHours = Map.copyOf(defaultWeeklyHours);
    }

    /** The same figures, with the same settings, over another read model (a generation being rebuilt). */
    public FiguresService over(ReportingModel other) {
        return new FiguresService(other, transitionYear.alertWeeks(), defaultWeeklyHours, fromScratch);
    }

    /**
     * The same figures computed from scratch over every roster entry of the territories, as before the
     * per-territory-year aggregates (ADR 0028): the oracle the aggregate-based figures are tested against.
     */
    public FiguresService fromScratch() {
        return new FiguresService(model, transitionYear.alertWeeks(), defaultWeeklyHours, true);
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
        Document territory = model.territories().find(Filters.eq("_id", territoryId)).first();
        if (territory == null) {
            return Optional.empty();
        }
        if (!fromScratch) {
            Set<String> chantierIds = new HashSet<>(chantierIdsOf(territory));
            Map<String, Document> documents = counterDocuments(List.of(territoryId));
            PathwayCounts counts = countsOf(documents, year).get(territoryId);
            HoursShare.Counted counted = countedHours.of(documents, year).get(territoryId);
            HoursCounting hoursCounting = new HoursCounting(year, defaultWeeklyHours);
            HoursFigures hoursFigures = hoursCounting.fromCounters(counted, hoursCounting.contractsFromCounters(
                    PremieresHeuresContractShare.decidedOf(documents.get(territoryId), year),
                    counts.premieresHeures().active()));
            return Optional.of(fromCounters(territoryId, counts, chantierIds, activity.at(chantierIds),
                    transitionFigures(transitions.at(chantierIds), year), hoursFigures, year, Instant.now()));
        }
        List<PathwayRecord> pathways = pathwaysAt(territoryId, chantierIdsOf(territory));
        return Optional.of(figuresOf(territoryId, pathways, chantiersOf(territory, pathways), year, Instant.now()));
    }

    /**
     * The chantiers whose per-chantier facts (accompaniment, hours, transitions) a territory's figures read: from
     * scratch, those of its pathways; from the aggregates, which hold only the year's pathways, every chantier
     * the territory lists (the same set once each has a pathway).
     */
    private Set<String> chantiersOf(Document territory, List<PathwayRecord> pathways) {
        return fromScratch ? chantierIdsOf(pathways) : new HashSet<>(chantierIdsOf(territory));
    }

    /**
     * The pathways that can count in a year's figures of these territories, from their per-territory-year
     * aggregates: the year's and the open documents of each territory, by {@code _id} ({@code $in}, a few reads).
     */
    private Map<String, List<PathwayRecord>> pathwaysOfYear(Collection<String> territoryIds, Year year) {
        Map<String, List<PathwayRecord>> byTerritory = new HashMap<>();
        if (territoryIds.isEmpty()) {
            return byTerritory;
        }
        List<String> ids = TerritoryYears.bucketsOf(territoryIds, year);
        for (int from = 0; from < ids.size(); from += AGGREGATES_PER_READ) {
            for (Document bucket : model.territoryYears().find(Filters.in("_id",
                    ids.subList(from, Math.min(ids.size(), from + AGGREGATES_PER_READ))))) {
                String territoryId = TerritoryYears.territoryOf(bucket.getString("_id"));
                TerritoryYears.decodeInto(bucket, territoryId,
                        byTerritory.computeIfAbsent(territoryId, t -> new ArrayList<>()));
            }
        }
        return byTerritory;
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
                figuresOf(territoryId, pathways, chantierIdsOf(pathways), year, Instant.now())));
    }

    /**
     * The nation over the union of the territories' pathways. Chantier start dates and the accompanied
     * participants' other pathways are read once for the union and shared by every territory's figures.
     */
    public NationalFigures national(Year year) {
        List<Document> territories = new ArrayList<>();
        model.territories().find().into(territories);
        if (fromScratch) {
            return nationalByFolding(territories, year);
        }
        Map<String, Set<String>> chantiersByTerritoryId = new LinkedHashMap<>();
        Set<String> allChantiers = new HashSet<>();
        territories.forEach(t -> {
            chantiersByTerritoryId.put(t.getString("_id"), new HashSet<>(chantierIdsOf(t)));
            allChantiers.addAll(chantierIdsOf(t));
        });
        Instant asOf = Instant.now();
        List<String> scopes = new ArrayList<>(chantiersByTerritoryId.keySet());
        scopes.add(FigureCounters.NATION);
        Map<String, Document> documents = counterDocuments(scopes);
        Map<String, PathwayCounts> counts = countsOf(documents, year);
        Map<String, HoursShare.Counted> counted = countedHours.of(documents, year);
        AccompanimentActivityRecords.Activity activities = activity.at(allChantiers);
        List<TransitionRecord> allTransitions = transitions.at(allChantiers);
        HoursCounting hoursCounting = new HoursCounting(year, defaultWeeklyHours);
        // Hours worked and step-ups are counted per pathway (ADR 0039), the Premières Heures contracts per
        // participant (ADR 0041): every figure of the year comes from the scopes' counters documents.
        List<TerritoryFigures> byTerritory = new ArrayList<>();
        chantiersByTerritoryId.forEach((territoryId, chantierIds) -> byTerritory.add(fromCounters(territoryId,
                counts.get(territoryId), chantierIds, activities, transitionFigures(allTransitions.stream()
                        .filter(t -> chantierIds.contains(t.chantierId())).toList(), year),
                hoursCounting.fromCounters(counted.get(territoryId), hoursCounting.contractsFromCounters(
                        PremieresHeuresContractShare.decidedOf(documents.get(territoryId), year),
                        counts.get(territoryId).premieresHeures().active())),
                year, null)));
        byTerritory.sort((a, b) -> a.territoryId().compareTo(b.territoryId()));
        TerritoryFigures nation = fromCounters(null, counts.get(FigureCounters.NATION), allChantiers, activities,
                transitionFigures(allTransitions, year), hoursCounting.fromCounters(counted.get(FigureCounters.NATION),
                        hoursCounting.contractsFromCounters(PremieresHeuresContractShare.decidedOf(
                                documents.get(FigureCounters.NATION), year),
                                counts.get(FigureCounters.NATION).premieresHeures().active())),
                year, asOf);
        return nationalOf(nation, byTerritory, year, asOf);
    }

    /**
     * A scope's figures from its counters (ADR 0031): the six pathway figures and housing and health (ADR 0034) are
     * the counters'; the hours figures are given (folded where hours facts exist, ADR 0034); accompaniment activity
     * and transitions are read from their own per-chantier records, as before.
     */
    private static TerritoryFigures fromCounters(String territoryId, PathwayCounts counts, Set<String> chantierIds,
                                                 AccompanimentActivityRecords.Activity activity,
                                                 TransitionFigures transitionFigures, HoursFigures hoursFigures,
                                                 Year year, Instant asOf) {
        return new TerritoryFigures(territoryId, year.getValue(), counts.accompanied(), counts.exits(),
                counts.fromPremieresHeures(), counts.averagePathwayMonths(), counts.dynamicExits(),
                counts.premieresHeures(), counts.housingResolved(), counts.healthRightsOpened(),
                activity.of(chantierIds, year), transitionFigures, hoursFigures, asOf);
    }

    /** The counters documents of these scopes (territories, {@link FigureCounters#NATION}): one each, by id. */
    private Map<String, Document> counterDocuments(List<String> scopes) {
        Map<String, Document> documents = new HashMap<>();
        scopes.forEach(scope -> documents.put(scope, new Document("_id", scope)));
        for (Document document : model.figureCounters().find(Filters.in("_id", scopes))) {
            documents.put(document.getString("_id"), document);
        }
        return documents;
    }

    /** The year's counts of these scopes' counters documents. */
    private static Map<String, PathwayCounts> countsOf(Map<String, Document> documents, Year year) {
        Map<String, PathwayCounts> counts = new HashMap<>();
        documents.forEach((scope, document) -> counts.put(scope, ParticipantShare.countsOf(document, year)));
        return counts;
    }

    /**
     * The nation over the union of the territories' pathways, folded over every roster entry: the oracle (since
     * ADR 0034 the aggregates' path reads the counters and folds only the hours figures).
     */
    private NationalFigures nationalByFolding(List<Document> territories, Year year) {
        Instant asOf = Instant.now();
        Map<String, List<PathwayRecord>> byTerritoryId = new LinkedHashMap<>();
        Map<String, Set<String>> chantiersByTerritoryId = new HashMap<>();
        Map<String, PathwayRecord> union = new LinkedHashMap<>();
        Map<String, List<PathwayRecord>> ofYear = fromScratch ? Map.of()
                : pathwaysOfYear(territories.stream().map(t -> t.getString("_id")).toList(), year);
        Set<String> allChantiers = new HashSet<>();
        for (Document territory : territories) {
            String territoryId = territory.getString("_id");
            List<PathwayRecord> pathways = fromScratch ? pathwaysAt(territoryId, chantierIdsOf(territory))
                    : ofYear.getOrDefault(territoryId, List.of());
            pathways.forEach(p -> union.put(p.pathwayId(), p));
            byTerritoryId.put(territoryId, pathways);
            chantiersByTerritoryId.put(territoryId, chantiersOf(territory, pathways));
            allChantiers.addAll(chantiersByTerritoryId.get(territoryId));
        }
        List<PathwayRecord> all = List.copyOf(union.values());
        YearFigures figures = new YearFigures(convergenceStarts(allChantiers), year);
        List<PathwayRecord> theirs = pathwaysOfParticipants(figures.accompaniedParticipants(all));
        AccompanimentActivityRecords.Activity activities = activity.at(allChantiers);
        List<TransitionRecord> allTransitions = transitions.at(allChantiers);
        Map<String, HoursRecord> worked = hours.at(allChantiers, union.keySet(), List.of(year.getValue()));
        HoursCounting hoursCounting = new HoursCounting(year, defaultWeeklyHours);
        List<TerritoryFigures> byTerritory = new ArrayList<>();
        Map<String, AccompanimentRecord> accompanied = new HashMap<>();
        byTerritoryId.forEach((territoryId, pathways) -> {
            Set<String> chantierIds = chantiersByTerritoryId.get(territoryId);
            // A territory's accompaniment is that of its own chantiers, as when the territory is read alone: an
            // opening recorded in another territory does not count in this one (ADR 0034).
            Map<String, AccompanimentRecord> ofTerritory = accompaniment.at(chantierIds);
            accompanied.putAll(ofTerritory);
            byTerritory.add(figuresOf(territoryId, pathways, chantierIds, figures, theirs, ofTerritory, activities,
                    year, transitionFigures(allTransitions.stream().filter(t -> chantierIds.contains(t.chantierId()))
                            .toList(), year), hoursCounting.of(pathways, worked), null));
        });
        byTerritory.sort((a, b) -> a.territoryId().compareTo(b.territoryId()));
        TerritoryFigures nation = figuresOf(null, all, allChantiers, figures, theirs, accompanied, activities, year,
                transitionFigures(allTransitions, year), hoursCounting.of(all, worked), asOf);
        return nationalOf(nation, byTerritory, year, asOf);
    }

    private static NationalFigures nationalOf(TerritoryFigures nation, List<TerritoryFigures> byTerritory, Year year,
                                              Instant asOf) {
        return new NationalFigures(year.getValue(), nation.accompanied(), nation.exits(), nation.fromPremieresHeures(),
                nation.averagePathwayMonths(), nation.dynamicExits(), nation.premieresHeures(),
                nation.housingResolved(), nation.healthRightsOpened(), nation.accompanimentActivity(),
                nation.transitions(), nation.hours(), byTerritory, asOf);
    }

    private TerritoryFigures figuresOf(String territoryId, List<PathwayRecord> pathways, Set<String> chantierIds,
                                       Year year, Instant asOf) {
        YearFigures figures = new YearFigures(convergenceStarts(chantierIds), year);
        return figuresOf(territoryId, pathways, chantierIds, figures,
                pathwaysOfParticipants(figures.accompaniedParticipants(pathways)),
                accompaniment.at(chantierIds), activity.at(chantierIds), year,
                transitionFigures(transitions.at(chantierIds), year),
                new HoursCounting(year, defaultWeeklyHours).of(pathways, hours.at(chantierIds,
                        pathways.stream().map(PathwayRecord::pathwayId).toList(), List.of(year.getValue()))), asOf);
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
    private static TerritoryFigures figuresOf(String territoryId, List<PathwayRecord> pathways,
                                              Set<String> chantierIds, YearFigures figures,
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
                activity.of(chantierIds, year), transitions, hoursFigures, asOf);
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

    private Map<String, LocalDate> convergenceStarts(Set<String> chantierIds) {
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
