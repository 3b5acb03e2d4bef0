package org.convergence.hours.progression;

import com.mongodb.client.MongoCollection;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.bson.Document;
import org.convergence.contracts.IntegrationEventCodec;
import org.convergence.contracts.Topics;
import org.convergence.contracts.hours.ContractedHoursDecidedV1;
import org.convergence.contracts.hours.HoursEvents;
import org.convergence.contracts.hours.WeekHoursCorrectedV1;
import org.convergence.contracts.hours.WeekHoursRecordedV1;
import org.convergence.hours.domain.IsoWeek;
import org.convergence.hours.domain.StepUpRule;
import org.convergence.platform.messaging.ConsumerDeclaration;
import org.convergence.platform.messaging.Fact;
import org.convergence.platform.messaging.HandlerSet;
import org.convergence.platform.messaging.RecordInterest;
import org.convergence.platform.messaging.RejectedEventException;
import org.convergence.platform.programs.ProgramCatalog;
import org.convergence.platform.projection.FieldNames;
import org.convergence.platform.projection.Projection;
import org.convergence.platform.projection.ProjectionBatch;
import org.convergence.platform.projection.ReadModel;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The "ready to step up" read model, fed by this service's own {@code convergence.hours.v1} (ADR 0016: a week's
 * stream does not know the contract, so the two meet here). Only Premières Heures pathways are kept:
 * <ul>
 *   <li>{@code step_up_pathways}, one document per pathway: its contract decisions and its minutes worked per week
 *   (a Premières Heures pathway lasts months, so a few dozen weeks), with the events applied to it;</li>
 *   <li>{@code step_up_chantiers}, one document per chantier: an entry per pathway currently on a streak of weeks
 *   worked at the configured share of its contract (contract, streak length, last week), null otherwise;</li>
 *   <li>{@code step_up_territories}: a territory's chantiers, so a territory's list is two {@code $in} reads.</li>
 * </ul>
 * The share is applied here (changing it needs a new read-model generation); the number of weeks is applied when
 * the list is read. A pathway's facts share its key, so each pathway document has one writer; a chantier's entry
 * for a pathway is written only by that pathway's facts.
 */
@Singleton
public class StepUpProjection {

    static final String PATHWAYS = "step_up_pathways";
    static final String CHANTIERS = "step_up_chantiers";
    static final String TERRITORIES = "step_up_territories";

    private final MongoCollection<Document> pathways;
    private final MongoCollection<Document> chantiers;
    private final MongoCollection<Document> territories;
    private final ProgramCatalog programs;
    private final StepUpRule rule;
    private final Projection projection;

    public StepUpProjection(ReadModel model, IntegrationEventCodec codec, ProgramCatalog programs,
                            @ConfigProperty(name = "hours.step-up.weeks-in-a-row") int weeksInARow,
                            @ConfigProperty(name = "hours.step-up.percent-of-contract") int percentOfContract) {
        this.pathways = model.collection(PATHWAYS);
        this.chantiers = model.collection(CHANTIERS);
        this.territories = model.collection(TERRITORIES);
        this.programs = programs;
        this.rule = new StepUpRule(weeksInARow, percentOfContract);
        // A fact's marker is in its pathway document, stored after the chantier and territory documents it writes.
        this.projection = new Projection(codec, List.of(territories, chantiers, pathways), List.of(handlers()));
    }

    @Produces
    @Singleton
    ConsumerDeclaration stepUpConsumer() {
        // It keeps Premières Heures facts only: a fact whose record does not even mention the program is passed
        // over before its costly decoding and validation (ADR 0038). Every fact it keeps names its program in its
        // payload, old records included; a record that mentions it (or could, through an escape) is decoded.
        return projection.consumer("step-up").decodingOnly(RecordInterest.mentioning(ProgramCatalog.PREMIERES_HEURES));
    }

    StepUpRule rule() {
        return rule;
    }

    MongoCollection<Document> chantiers() {
        return chantiers;
    }

    MongoCollection<Document> territories() {
        return territories;
    }

    private HandlerSet<ProjectionBatch> handlers() {
        return HandlerSet.<ProjectionBatch>forTopic(Topics.HOURS)
                .on(HoursEvents.CONTRACTED_HOURS_DECIDED, (f, b) -> prefetch(f, f.payload().pathwayId(), b),
                        this::decided)
                .on(HoursEvents.WEEK_HOURS_RECORDED, (f, b) -> prefetch(f, f.payload().pathwayId(), b),
                        (f, b) -> week(f, f.payload().pathwayId(), f.payload().participantId(),
                                f.payload().program(), f.payload().week(), f.payload().minutesWorked(), b))
                .on(HoursEvents.WEEK_HOURS_CORRECTED, (f, b) -> prefetch(f, f.payload().pathwayId(), b),
                        (f, b) -> week(f, f.payload().pathwayId(), f.payload().participantId(),
                                f.payload().program(), f.payload().week(), f.payload().minutesWorked(), b))
                .build();
    }

    private void prefetch(Fact<?> fact, String pathwayId, ProjectionBatch batch) {
        if (pathwayId != null && pathwayId.length() <= 200) {
            batch.prefetch(pathways, pathwayId);
        }
    }

    private void decided(Fact<ContractedHoursDecidedV1> fact, ProjectionBatch batch) {
        ContractedHoursDecidedV1 e = fact.payload();
        if (!ProgramCatalog.PREMIERES_HEURES.equals(e.program())) {
            return;
        }
        pathway(fact, e.pathwayId(), e.participantId(), batch, unit -> {
            List<Document> contracts = unit.getList("contracts", Document.class);
            contracts.add(new Document("from", e.effectiveOn().toString()).append("hours", e.weeklyHours()));
            unit.set("contracts", contracts);
        });
    }

    private void week(Fact<?> fact, String pathwayId, String participantId, String program, String week,
                      int minutesWorked, ProjectionBatch batch) {
        if (!ProgramCatalog.PREMIERES_HEURES.equals(program)) {
            return;
        }
        IsoWeek.parse(week).orElseThrow(() -> new RejectedEventException("week " + week + " is no ISO week"));
        pathway(fact, pathwayId, participantId, batch, unit -> {
            Document weeks = new Document();
            if (unit.get("weeks") instanceof Document stored) {
                weeks.putAll(stored);
            }
            weeks.put(week, minutesWorked);
            unit.set("weeks", weeks);
        });
    }

    /** Applies a fact to its pathway once, then writes the pathway's place in its chantier's list again. */
    private void pathway(Fact<?> fact, String pathwayId, String participantId, ProjectionBatch batch,
                         java.util.function.Consumer<ProjectionBatch.Unit> effect) {
        if (fact.territoryId() == null || fact.chantierId() == null) {
            throw new RejectedEventException(fact.envelope().type() + " without territoryId and chantierId in its "
                    + "envelope");
        }
        String id = FieldNames.requireKey(pathwayId, "pathwayId");
        String chantierId = FieldNames.requireKey(fact.chantierId(), "chantierId");
        String territoryId = FieldNames.requireKey(fact.territoryId(), "territoryId");
        batch.document(pathways, id).applyOnce(fact.eventId(), unit -> {
            String previousChantier = unit.getString("chantierId");
            effect.accept(unit);
            unit.set("participantId", participantId).set("chantierId", chantierId).set("territoryId", territoryId);
            if (previousChantier != null && !previousChantier.equals(chantierId)) {
                batch.set(chantiers, previousChantier, "pathways." + id, null);
            }
            batch.addToSet(territories, territoryId, "chantierIds", chantierId);
            batch.set(chantiers, chantierId, "territoryId", territoryId);
            batch.set(chantiers, chantierId, "pathways." + id, candidacy(unit, participantId));
        });
    }

    /** The pathway's entry in its chantier's list: its contract in force and its streak, or null without one. */
    private Document candidacy(ProjectionBatch.Unit unit, String participantId) {
        Document inForce = null;
        for (Document decision : unit.getList("contracts", Document.class)) {
            if (inForce == null || decision.getString("from").compareTo(inForce.getString("from")) >= 0) {
                inForce = decision;
            }
        }
        int hours = inForce == null ? programs.require(ProgramCatalog.PREMIERES_HEURES).weeklyHours().defaultHours()
                : inForce.getInteger("hours");
        LocalDate from = inForce == null ? null : LocalDate.parse(inForce.getString("from"));
        Map<IsoWeek, Integer> minutes = new HashMap<>();
        if (unit.get("weeks") instanceof Document weeks) {
            weeks.forEach((week, worked) -> minutes.put(IsoWeek.parse(week).orElseThrow(),
                    ((Number) worked).intValue()));
        }
        int streak = rule.streak(minutes, hours, from);
        if (streak == 0) {
            return null;
        }
        IsoWeek last = minutes.keySet().stream().max(IsoWeek::compareTo).orElseThrow();
        return new Document("participantId", participantId).append("weeklyHours", hours)
                .append("contractFrom", from == null ? null : from.toString()).append("streak", streak)
                .append("lastWeek", last.toString());
    }
}
