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

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What reporting keeps of {@code convergence.hours.v1} for the hours figures and the weeks-without-hours list, in two
 * places that neither grows with the other (ADR 0057):
 * <ul>
 *   <li>a pathway's contract decisions (date, hours, reason), its program and participant, in its chantier's hours
 *   roster (same buckets as the chantier roster), marked by the decision facts;</li>
 *   <li>its minutes worked per ISO week ({@code weeks.<YYYY-Www>}, a correction replacing the figure) and the program
 *   they count under, in one document per pathway and week-based year ({@link ReportingModel#hoursWeeks}): its one
 *   entry is the unit the week facts mark. A week's fact reads and writes that one document, at most 53 weeks,
 *   however long the pathway's history.</li>
 * </ul>
 * Absences are not kept: no figure needs them. Each fact marks its own unit, so a repeated fact changes nothing; a
 * pathway's facts share its key and arrive in order. Each fact also moves the nation's and its territory's hours
 * counters by the pathway's hours share after minus before (ADR 0039): a decision by its own count and step-up, a
 * week's figure by that week's change ({@link HoursShare#weekChange}). A week's fact naming another program than its
 * year's document moves that year's weeks to it (the whole year's share, ADR 0057).
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
                .on(HoursEvents.CONTRACTED_HOURS_DECIDED, prefetch(ContractedHoursDecidedV1::pathwayId, null),
                        this::decided)
                .on(HoursEvents.WEEK_HOURS_RECORDED,
                        prefetch(WeekHoursRecordedV1::pathwayId, WeekHoursRecordedV1::week),
                        (fact, batch) -> worked(fact, fact.payload().pathwayId(), fact.payload().participantId(),
                                fact.payload().program(), fact.payload().week(), fact.payload().minutesWorked(),
                                batch))
                .on(HoursEvents.WEEK_HOURS_CORRECTED,
                        prefetch(WeekHoursCorrectedV1::pathwayId, WeekHoursCorrectedV1::week),
                        (fact, batch) -> worked(fact, fact.payload().pathwayId(), fact.payload().participantId(),
                                fact.payload().program(), fact.payload().week(), fact.payload().minutesWorked(),
                                batch))
                .build();
    }

    private void decided(Fact<ContractedHoursDecidedV1> fact, ProjectionBatch batch) {
        ContractedHoursDecidedV1 e = fact.payload();
        String pathwayId = requireKeys(fact, e.pathwayId(), e.participantId(), e.program());
        batch.entry(model.hoursRoster(), ReportingModel.rosterBucketOf(fact.chantierId(), pathwayId), "pathways",
                pathwayId).applyOnce(fact.eventId(), entry -> {
                    // A decision's share is its own count and step-up: no week, whatever the program (HoursShare).
                    Map<String, Long> increments = HoursShare.of(e.program(), Map.of(), List.of(
                            new HoursRecord.Decision(e.effectiveOn(), e.weeklyHours(), e.reason())));
                    entry.addToList("contracts", new Document("from", e.effectiveOn().toString())
                            .append("hours", e.weeklyHours()).append("reason", e.reason())
                            .append("event", fact.eventId()));
                    entry.set("participantId", e.participantId()).set("program", e.program());
                    contracts.decided(batch, fact.eventId(), e.participantId(), pathwayId, e.program(),
                            e.effectiveOn(), e.weeklyHours());
                    count(batch, fact.territoryId(), fact.chantierId(), pathwayId, increments);
                });
    }

    private void worked(Fact<?> fact, String pathwayId, String participantId, String program, String week,
                        int minutesWorked, ProjectionBatch batch) {
        if (week == null || !ISO_WEEK.matcher(week).matches()) {
            throw new RejectedEventException("week " + week + " is not written YYYY-Www");
        }
        String id = requireKeys(fact, pathwayId, participantId, program);
        batch.entry(model.hoursWeeks(), ReportingModel.hoursWeeksOf(id, week), ReportingModel.HOURS_YEAR,
                week.substring(0, 4)).applyOnce(fact.eventId(), year -> {
            Map<String, Long> increments;
            if (program.equals(year.getString("program"))) {
                long minutesBefore = year.get("weeks") instanceof Map<?, ?> weeks
                        && weeks.get(week) instanceof Number n ? n.longValue() : 0;
                increments = HoursShare.weekChange(program, week, minutesBefore, minutesWorked);
            } else {
                // The year's first fact, or one naming another program: every week of the year moves.
                Map<String, Number> weeks = weeksOf(year);
                Map<String, Long> before = HoursShare.of(year.getString("program"), weeks, List.of());
                Map<String, Number> after = new HashMap<>(weeks);
                after.put(week, minutesWorked);
                increments = HoursShare.increments(before, HoursShare.of(program, after, List.of()));
                year.set("program", program);
            }
            // Into the week map as the batch holds it, so the next fact of the batch reads every week of the year.
            year.putIn("weeks", week, minutesWorked);
            if (!participantId.equals(year.getString("participantId"))) {
                year.set("participantId", participantId);
            }
            count(batch, fact.territoryId(), fact.chantierId(), id, increments);
        });
    }

    /** Checks the fact's keys before anything is written; returns the pathway id. */
    private static String requireKeys(Fact<?> fact, String pathwayId, String participantId, String program) {
        if (fact.territoryId() == null || fact.chantierId() == null) {
            throw new RejectedEventException(fact.envelope().type() + " without territoryId and chantierId in its "
                    + "envelope");
        }
        FieldNames.requireKey(fact.chantierId(), "chantierId");
        FieldNames.requireKey(fact.territoryId(), "territoryId");
        FieldNames.requireKey(participantId, "participantId");
        FieldNames.requireKey(program, "program");
        return FieldNames.requireKey(pathwayId, "pathwayId");
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

    /** The minutes of each week of a year's document as the batch holds it (its earlier facts included). */
    private static Map<String, Number> weeksOf(ProjectionBatch.Unit year) {
        Map<String, Number> weeks = new HashMap<>();
        if (year.get("weeks") instanceof Map<?, ?> stored) {
            stored.forEach((week, minutes) -> weeks.put(week.toString(), (Number) minutes));
        }
        return weeks;
    }

    /** A member of a territory's {@value #AWAITING} set: the chantier and the pathway. */
    static String awaiting(String chantierId, String pathwayId) {
        return chantierId + AWAITING_SEPARATOR + pathwayId;
    }

    /** Asks for what a fact reads: its week's year document or its roster entry, and what {@link #count} reads. */
    private <P extends IntegrationPayload> FactHandler<P, ProjectionBatch> prefetch(Function<P, String> pathwayId,
                                                                                  Function<P, String> week) {
        return (fact, batch) -> {
            String id = pathwayId.apply(fact.payload());
            if (fact.chantierId() != null && id != null && id.length() <= 200) {
                if (week == null) {
                    batch.prefetch(model.hoursRoster(), ReportingModel.rosterBucketOf(fact.chantierId(), id));
                } else {
                    String w = week.apply(fact.payload());
                    if (w != null && ISO_WEEK.matcher(w).matches()) {
                        batch.prefetch(model.hoursWeeks(), ReportingModel.hoursWeeksOf(id, w));
                    }
                }
                batch.prefetch(model.chantierRoster(), ReportingModel.rosterBucketOf(fact.chantierId(), id));
                if (fact.territoryId() != null && fact.territoryId().length() <= 200) {
                    batch.prefetch(model.figureCounters(), fact.territoryId());
                }
                batch.prefetch(model.figureCounters(), FigureCounters.NATION);
            }
        };
    }
}
