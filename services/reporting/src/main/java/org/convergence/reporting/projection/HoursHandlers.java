package org.convergence.reporting.projection;

import org.bson.Document;
import org.convergence.contracts.IntegrationPayload;
import org.convergence.contracts.Topics;
import org.convergence.contracts.hours.ContractedHoursDecidedV1;
import org.convergence.contracts.hours.HoursEvents;
import org.convergence.contracts.hours.WeekHoursCorrectedV1;
import org.convergence.contracts.hours.WeekHoursRecordedV1;
import org.convergence.platform.messaging.Fact;
import org.convergence.platform.messaging.FactHandler;
import org.convergence.platform.messaging.HandlerSet;
import org.convergence.platform.messaging.RejectedEventException;
import org.convergence.platform.projection.FieldNames;
import org.convergence.platform.projection.ProjectionBatch;

import org.convergence.reporting.figures.HoursRecord;
import org.convergence.reporting.figures.HoursShare;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What reporting keeps of {@code convergence.hours.v1} for the hours figures and the weeks-without-hours list: per
 * pathway, in its chantier's hours roster (same buckets as the chantier roster), its program, its contract
 * decisions (date, hours, reason) and its minutes worked per ISO week ({@code weeks.<YYYY-Www>}, a correction
 * replacing the figure). Absences are not kept: no figure needs them. Each fact marks its own pathway entry, so a
 * repeated fact changes nothing; a pathway's facts share its key and arrive in order. Each fact also moves the
 * nation's and its territory's hours counters by the pathway's hours share after minus before (ADR 0039). A week's
 * figure of a pathway whose program is unchanged moves only that week's count ({@link HoursShare#weekChange}): the
 * pathway's other weeks are not summed again, which over a five-year pathway would be 260 weeks twice per fact.
 */
public final class HoursHandlers {

    private static final Pattern ISO_WEEK = Pattern.compile("\\d{4}-W\\d{2}");
    /** A territory's pathways counted in its hours counters before reporting knew them (ADR 0039). */
    public static final String AWAITING = "hoursAwaiting";
    public static final char AWAITING_SEPARATOR = '\u001E';

    private final ReportingModel model;
    private final PremieresHeuresContracts contracts;

    HoursHandlers(ReportingModel model) {
        this.model = model;
        this.contracts = new PremieresHeuresContracts(model);
    }

    HandlerSet<ProjectionBatch> handlers() {
        return HandlerSet.<ProjectionBatch>forTopic(Topics.HOURS)
                .on(HoursEvents.CONTRACTED_HOURS_DECIDED, prefetch(ContractedHoursDecidedV1::pathwayId),
                        this::decided)
                .on(HoursEvents.WEEK_HOURS_RECORDED, prefetch(WeekHoursRecordedV1::pathwayId),
                        (fact, batch) -> worked(fact, fact.payload().pathwayId(), fact.payload().participantId(),
                                fact.payload().program(), fact.payload().week(), fact.payload().minutesWorked(),
                                batch))
                .on(HoursEvents.WEEK_HOURS_CORRECTED, prefetch(WeekHoursCorrectedV1::pathwayId),
                        (fact, batch) -> worked(fact, fact.payload().pathwayId(), fact.payload().participantId(),
                                fact.payload().program(), fact.payload().week(), fact.payload().minutesWorked(),
                                batch))
                .build();
    }

    private void decided(Fact<ContractedHoursDecidedV1> fact, ProjectionBatch batch) {
        ContractedHoursDecidedV1 e = fact.payload();
        pathway(fact, e.pathwayId(), e.participantId(), e.program(), batch, entry -> wholeShareChange(entry,
                e.program(), changed -> {
                    changed.addToList("contracts", new Document("from", e.effectiveOn().toString())
                            .append("hours", e.weeklyHours()).append("reason", e.reason())
                            .append("event", fact.eventId()));
                    contracts.decided(batch, fact.eventId(), e.participantId(), e.pathwayId(), e.program(),
                            e.effectiveOn(), e.weeklyHours());
                }));
    }

    private void worked(Fact<?> fact, String pathwayId, String participantId, String program, String week,
                        int minutesWorked, ProjectionBatch batch) {
        if (week == null || !ISO_WEEK.matcher(week).matches()) {
            throw new RejectedEventException("week " + week + " is not written YYYY-Www");
        }
        pathway(fact, pathwayId, participantId, program, batch, entry -> {
            if (!program.equals(entry.getString("program"))) {
                // A new pathway, or its program changed: every week moves, so the whole share is computed.
                return wholeShareChange(entry, program, changed -> changed.putIn("weeks", week, minutesWorked));
            }
            long minutesBefore = entry.get("weeks") instanceof Map<?, ?> weeks
                    && weeks.get(week) instanceof Number n ? n.longValue() : 0;
            // Into the week map as the batch holds it, so the next fact of the batch reads every week of the pathway.
            entry.putIn("weeks", week, minutesWorked);
            return HoursShare.weekChange(program, week, minutesBefore, minutesWorked);
        });
    }

    /** The increments of the pathway's share before {@code change} and after it, with its program then. */
    private static Map<String, Long> wholeShareChange(ProjectionBatch.Unit entry, String program,
                                                      Consumer<ProjectionBatch.Unit> change) {
        Map<String, Long> before = shareOf(entry, entry.getString("program"));
        change.accept(entry);
        return HoursShare.increments(before, shareOf(entry, program));
    }

    /**
     * Applies the fact once to the pathway's roster entry: {@code effect} changes the entry and returns the
     * increments of the pathway's hours share, which move the counters.
     */
    private void pathway(Fact<?> fact, String pathwayId, String participantId, String program, ProjectionBatch batch,
                         Function<ProjectionBatch.Unit, Map<String, Long>> effect) {
        if (fact.territoryId() == null || fact.chantierId() == null) {
            throw new RejectedEventException(fact.envelope().type() + " without territoryId and chantierId in its "
                    + "envelope");
        }
        String chantierId = FieldNames.requireKey(fact.chantierId(), "chantierId");
        String id = FieldNames.requireKey(pathwayId, "pathwayId");
        FieldNames.requireKey(participantId, "participantId");
        FieldNames.requireKey(program, "program");
        String territoryId = FieldNames.requireKey(fact.territoryId(), "territoryId");
        batch.entry(model.hoursRoster(), ReportingModel.rosterBucketOf(chantierId, id), "pathways", id)
                .applyOnce(fact.eventId(), entry -> {
                    Map<String, Long> increments = effect.apply(entry);
                    entry.set("participantId", participantId).set("program", program);
                    count(batch, territoryId, chantierId, id, increments);
                });
    }

    /**
     * Moves the nation's and the territory's hours counters by the pathway's share after minus before (ADR 0039),
     * under the hours topic partition's watermark. The figures count a pathway's hours only once reporting knows the
     * pathway (its chantier roster entry exists): a pathway not known yet is counted all the same and named in the
     * territory's {@value #AWAITING} set, which the read checks. A roster entry is never removed, so a pathway seen
     * known stays known, whichever consumer writes the roster and however the two topics interleave.
     */
    private void count(ProjectionBatch batch, String territoryId, String chantierId, String pathwayId,
                       Map<String, Long> increments) {
        for (String scope : List.of(FigureCounters.NATION, territoryId)) {
            increments.forEach((path, delta) -> batch.increment(model.figureCounters(), scope, path, delta));
        }
        if (batch.entry(model.chantierRoster(), ReportingModel.rosterBucketOf(chantierId, pathwayId), "pathways",
                pathwayId).get("participantId") == null) {
            batch.addToSet(model.figureCounters(), territoryId, AWAITING, awaiting(chantierId, pathwayId));
        }
    }

    /** The pathway's hours share as its entry holds it now (the batch's view: its earlier facts included). */
    private static Map<String, Long> shareOf(ProjectionBatch.Unit entry, String program) {
        Map<String, Number> weeks = new HashMap<>();
        if (entry.get("weeks") instanceof Map<?, ?> stored) {
            stored.forEach((week, minutes) -> weeks.put(week.toString(), (Number) minutes));
        }
        List<HoursRecord.Decision> decisions = new ArrayList<>();
        for (Object value : entry.getList("contracts", Object.class)) {
            if (value instanceof Map<?, ?> d) {
                decisions.add(new HoursRecord.Decision(LocalDate.parse(d.get("from").toString()),
                        ((Number) d.get("hours")).intValue(), d.get("reason") == null ? null : d.get("reason").toString()));
            }
        }
        return HoursShare.of(program, weeks, decisions);
    }

    /** A member of a territory's {@value #AWAITING} set: the chantier and the pathway. */
    static String awaiting(String chantierId, String pathwayId) {
        return chantierId + AWAITING_SEPARATOR + pathwayId;
    }

    private <P extends IntegrationPayload> FactHandler<P, ProjectionBatch> prefetch(Function<P, String> pathwayId) {
        return (fact, batch) -> {
            String id = pathwayId.apply(fact.payload());
            if (fact.chantierId() != null && id != null && id.length() <= 200) {
                batch.prefetch(model.hoursRoster(), ReportingModel.rosterBucketOf(fact.chantierId(), id));
                batch.prefetch(model.chantierRoster(), ReportingModel.rosterBucketOf(fact.chantierId(), id));
                if (fact.territoryId() != null && fact.territoryId().length() <= 200) {
                    batch.prefetch(model.figureCounters(), fact.territoryId());
                }
                batch.prefetch(model.figureCounters(), FigureCounters.NATION);
            }
        };
    }
}
