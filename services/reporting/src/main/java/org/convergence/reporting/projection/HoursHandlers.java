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

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What reporting keeps of {@code convergence.hours.v1} for the hours figures and the weeks-without-hours list: per
 * pathway, in its chantier's hours roster (same buckets as the chantier roster), its program, its contract
 * decisions (date, hours, reason) and its minutes worked per ISO week ({@code weeks.<YYYY-Www>}, a correction
 * replacing the figure). Absences are not kept: no figure needs them. Each fact marks its own pathway entry, so a
 * repeated fact changes nothing; a pathway's facts share its key and arrive in order.
 */
final class HoursHandlers {

    private static final Pattern ISO_WEEK = Pattern.compile("\\d{4}-W\\d{2}");

    private final ReportingModel model;

    HoursHandlers(ReportingModel model) {
        this.model = model;
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
        pathway(fact, e.pathwayId(), e.participantId(), e.program(), batch, entry -> entry.addToList("contracts",
                new Document("from", e.effectiveOn().toString()).append("hours", e.weeklyHours())
                        .append("reason", e.reason()).append("event", fact.eventId())));
    }

    private void worked(Fact<?> fact, String pathwayId, String participantId, String program, String week,
                        int minutesWorked, ProjectionBatch batch) {
        if (week == null || !ISO_WEEK.matcher(week).matches()) {
            throw new RejectedEventException("week " + week + " is not written YYYY-Www");
        }
        pathway(fact, pathwayId, participantId, program, batch, entry -> entry.set("weeks." + week, minutesWorked));
    }

    private void pathway(Fact<?> fact, String pathwayId, String participantId, String program, ProjectionBatch batch,
                         Consumer<ProjectionBatch.Unit> effect) {
        if (fact.territoryId() == null || fact.chantierId() == null) {
            throw new RejectedEventException(fact.envelope().type() + " without territoryId and chantierId in its "
                    + "envelope");
        }
        String chantierId = FieldNames.requireKey(fact.chantierId(), "chantierId");
        String id = FieldNames.requireKey(pathwayId, "pathwayId");
        FieldNames.requireKey(participantId, "participantId");
        FieldNames.requireKey(program, "program");
        batch.entry(model.hoursRoster(), ReportingModel.rosterBucketOf(chantierId, id), "pathways", id)
                .applyOnce(fact.eventId(), entry -> {
                    entry.set("participantId", participantId).set("program", program);
                    effect.accept(entry);
                });
    }

    private <P extends IntegrationPayload> FactHandler<P, ProjectionBatch> prefetch(Function<P, String> pathwayId) {
        return (fact, batch) -> {
            String id = pathwayId.apply(fact.payload());
            if (fact.chantierId() != null && id != null && id.length() <= 200) {
                batch.prefetch(model.hoursRoster(), ReportingModel.rosterBucketOf(fact.chantierId(), id));
            }
        };
    }
}
