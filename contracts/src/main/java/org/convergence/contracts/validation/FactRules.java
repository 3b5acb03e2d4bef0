package org.convergence.contracts.validation;

import com.fasterxml.jackson.databind.JsonNode;
import org.convergence.contracts.IntegrationEventType;
import org.convergence.contracts.input.IsoDates;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of a fact that its JSON schema cannot state, all in this one place: an envelope agrees with its
 * payload (same territory, same chantier, its key is the payload's subject, it carries what the fact's scope
 * needs), and every date lies in a plausible window for its field, judged against the recording date of the fact.
 * Checked after the schemas, so the values read here have the right type and format.
 */
public final class FactRules {

    /** No fact of this domain is dated before this day (the oldest pathways imported date from the 1990s). */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1990, 1, 1);
    /** No producer recorded anything before this instant. */
    public static final Instant EARLIEST_RECORDING = Instant.parse("2000-01-01T00:00:00Z");
    /** How far ahead of the consumer's clock a recording instant may be (clocks of producers drift). */
    public static final Duration CLOCK_SKEW = Duration.ofDays(1);

    /**
     * Payload dates of things that have happened: not after the recording day. One day of margin, because a
     * producer judges "today" in its own time zone (Europe/Paris) and records in UTC.
     */
    public static final Set<String> PAST_DATES = Set.of("entryDate", "previousEntryDate", "exitDate",
            "promotionDate", "checkInDate", "effectiveOn", "heldOn", "assessedOn", "changedOn", "openedOn", "sentOn",
            "startedOn", "steppedOn", "completedOn", "interruptedOn", "abandonedOn");
    /** Payload dates that may be planned ahead (a chantier's program start, a coordination): at most a year. */
    public static final Set<String> PLANNED_DATES = Set.of("since");

    private static final int PAST_MARGIN_DAYS = 1;
    private static final int PLANNED_MARGIN_YEARS = 1;

    private FactRules() {
    }

    /** Where {@code envelope} (already valid against the schemas) breaks a rule of {@code type}'s facts. */
    public static List<Violation> check(JsonNode envelope, IntegrationEventType<?> type, Instant now) {
        List<Violation> violations = new ArrayList<>();
        JsonNode payload = envelope.path("payload");
        Instant recordedAt = IsoDates.instant(envelope.path("recordedAt").asText());
        if (recordedAt.isBefore(EARLIEST_RECORDING)) {
            violations.add(new Violation("recordedAt", "must not be before " + EARLIEST_RECORDING));
        } else if (recordedAt.isAfter(now.plus(CLOCK_SKEW))) {
            violations.add(new Violation("recordedAt", "must not be in the future"));
        }
        LocalDate recordedOn = recordedAt.atOffset(ZoneOffset.UTC).toLocalDate();
        checkWindow(violations, "occurredOn", envelope.path("occurredOn"), recordedOn.plusYears(PLANNED_MARGIN_YEARS),
                "at most a year after the recording date");
        checkDates(violations, "payload", payload, recordedOn);
        checkScope(violations, envelope, type);
        for (String id : List.of("territoryId", "chantierId")) {
            JsonNode inPayload = payload.get(id);
            if (inPayload != null && !inPayload.equals(envelope.get(id))) {
                violations.add(new Violation("payload." + id, "must equal the envelope's " + id));
            }
        }
        JsonNode subject = payload.get(type.keyField());
        if (subject == null || !subject.equals(envelope.get("key"))) {
            violations.add(new Violation("key", "must equal payload." + type.keyField() + " for " + type));
        }
        return violations;
    }

    private static void checkScope(List<Violation> violations, JsonNode envelope, IntegrationEventType<?> type) {
        boolean needsTerritory = type.scope() != IntegrationEventType.Scope.NONE;
        boolean needsChantier = type.scope() == IntegrationEventType.Scope.CHANTIER;
        if (needsTerritory && !envelope.has("territoryId")) {
            violations.add(new Violation("territoryId", "is required for " + type + " (a fact of a territory)"));
        }
        if (needsChantier && !envelope.has("chantierId")) {
            violations.add(new Violation("chantierId", "is required for " + type + " (a fact of a chantier)"));
        }
    }

    /** Walks the payload: every date field, at any depth (e.g. {@code programs[0].since}), has its window. */
    private static void checkDates(List<Violation> violations, String path, JsonNode node, LocalDate recordedOn) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkDates(violations, path + "[" + i + "]", node.get(i), recordedOn);
            }
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String fieldPath = path + "." + field.getKey();
            if (PAST_DATES.contains(field.getKey())) {
                checkWindow(violations, fieldPath, field.getValue(), recordedOn.plusDays(PAST_MARGIN_DAYS),
                        "on or before the recording date");
            } else if (PLANNED_DATES.contains(field.getKey())) {
                checkWindow(violations, fieldPath, field.getValue(), recordedOn.plusYears(PLANNED_MARGIN_YEARS),
                        "at most a year after the recording date");
            } else if (field.getValue().isContainerNode()) {
                checkDates(violations, fieldPath, field.getValue(), recordedOn);
            }
        }
    }

    private static void checkWindow(List<Violation> violations, String field, JsonNode value, LocalDate latest,
                                    String latestRule) {
        if (!value.isTextual()) {
            return;
        }
        LocalDate date;
        try {
            date = IsoDates.date(value.asText());
        } catch (DateTimeParseException e) {
            violations.add(new Violation(field, "must be a calendar date written YYYY-MM-DD"));
            return;
        }
        if (date.isBefore(EARLIEST_DATE)) {
            violations.add(new Violation(field, "must not be before " + EARLIEST_DATE));
        } else if (date.isAfter(latest)) {
            violations.add(new Violation(field, "must be " + latestRule));
        }
    }
}
