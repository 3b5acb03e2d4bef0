package org.convergence.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.convergence.contracts.IntegrationEventCodec;
import org.convergence.contracts.chantier.ChantierPathwayFacts;
import org.convergence.contracts.timesheets.TimesheetEvents;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sends the same records through the REST API, as software that cannot produce to Kafka does, each with the token
 * of the sending chantier's staff: pathway facts to enrolment's {@code /pathways} resources, timesheets to hours'
 * {@code /chantiers/{id}/timesheets}. Also registers the territory and its chantiers (a national administrator's
 * job, done once before any software sends anything).
 */
public final class RestSender {

    /** How long a week waits for the hours service to learn its pathway (the twin of the topic's retry-later). */
    private static final Duration UNKNOWN_PATHWAY_PATIENCE = Duration.ofSeconds(120);
    /**
     * How long a week refused for the pathway's dates is sent again: hours judges a week on its view of enrolment,
     * which trails it (docs/architecture.md, "Service views"), so a week sent right after the entry correction that
     * allows it can meet the dates before the correction. Software sending both at once waits for the view.
     */
    private static final Duration PATHWAY_DATES_PATIENCE = Duration.ofSeconds(30);
    private static final Set<String> PATHWAY_DATE_REFUSALS = Set.of("WEEK_BEFORE_ENTRY", "WEEK_AFTER_EXIT");

    /** What the API answered to one record: its status and, when refused, the problem's code. */
    public record Outcome(SimulatedRecord record, int status, String code) {

        public boolean accepted() {
            return status / 100 == 2 && code == null;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json;
    private final String enrolmentUrl;
    private final String hoursUrl;
    private final TokenSource tokens;

    public RestSender(String enrolmentUrl, String hoursUrl, TokenSource tokens, IntegrationEventCodec codec) {
        this.enrolmentUrl = enrolmentUrl;
        this.hoursUrl = hoursUrl;
        this.tokens = tokens;
        this.json = codec.mapper();
    }

    /** Registers the territory and its chantiers; one already registered is left as it is. */
    public void register(History history) {
        String national = tokens.token("national", Map.of());
        ObjectNode territory = json.createObjectNode().put("territoryId", history.territoryId())
                .put("name", "Territory " + history.territoryId()).put("densityKind", "URBAN");
        created(post(enrolmentUrl + "/territories", territory, national), "territory " + history.territoryId());
        for (ChantierSetup chantier : history.chantiers()) {
            ObjectNode body = json.createObjectNode().put("chantierId", chantier.chantierId())
                    .put("name", chantier.name());
            chantier.programs().forEach((program, since) -> body.withArray("programs").addObject()
                    .put("program", program).put("since", since.toString()));
            created(post(enrolmentUrl + "/territories/" + history.territoryId() + "/chantiers", body, national),
                    "chantier " + chantier.chantierId());
        }
    }

    private static void created(HttpResponse<String> response, String what) {
        if (response.statusCode() != 201 && response.statusCode() != 409) {
            throw new IllegalStateException("Could not register " + what + ": " + response.statusCode() + " "
                    + response.body());
        }
    }

    /** Sends every record that is well-formed JSON for the API, in order; one outcome per record sent. */
    public List<Outcome> send(List<SimulatedRecord> records) {
        List<Outcome> outcomes = new ArrayList<>();
        for (SimulatedRecord record : records) {
            if (record.flaw() != null && record.flaw().malformed()) {
                continue;
            }
            outcomes.add(record.type().equals(TimesheetEvents.WEEK_TIMESHEET_REPORTED) ? timesheet(record)
                    : pathwayFact(record));
        }
        return outcomes;
    }

    private Outcome pathwayFact(SimulatedRecord record) {
        JsonNode p = json.valueToTree(record.payload());
        String pathway = enrolmentUrl + "/pathways/" + record.key();
        String name = record.type().name();
        ObjectNode body = json.createObjectNode();
        String url;
        if (name.equals(ChantierPathwayFacts.ENROLLED.name())) {
            url = enrolmentUrl + "/pathways";
            body.put("pathwayId", record.key()).put("program", p.get("program").asText())
                    .put("chantierId", record.chantierId()).put("entryDate", p.get("entryDate").asText());
        } else if (name.equals(ChantierPathwayFacts.EXITED.name()) || name.equals(ChantierPathwayFacts.EXIT_CORRECTED.name())) {
            url = pathway + (name.equals(ChantierPathwayFacts.EXITED.name()) ? "/exit" : "/exit-correction");
            body.put("exitDate", p.get("exitDate").asText()).put("category", p.get("exitCategory").asText());
            if (p.hasNonNull("housingAtExit")) {
                body.put("housingAtExit", p.get("housingAtExit").asText());
            }
        } else if (name.equals(ChantierPathwayFacts.ENTRY_CORRECTED.name())) {
            url = pathway + "/entry-correction";
            body.put("entryDate", p.get("entryDate").asText());
        } else if (name.equals(ChantierPathwayFacts.PROMOTED.name())) {
            url = pathway + "/promotion";
            body.put("convergencePathwayId", p.get("convergencePathwayId").asText())
                    .put("promotionDate", p.get("promotionDate").asText());
        } else if (name.equals(ChantierPathwayFacts.CHECKED_IN.name())) {
            url = pathway + "/check-ins";
            body.put("milestoneMonths", p.get("milestoneMonths").asInt())
                    .put("checkInDate", p.get("checkInDate").asText())
                    .put("employmentStatus", p.get("employmentStatus").asText())
                    .put("housingSituation", p.get("housingSituation").asText());
        } else {
            throw new IllegalArgumentException("No REST twin for " + name);
        }
        HttpResponse<String> response = post(url, body, staff(record));
        return new Outcome(record, response.statusCode(), response.statusCode() / 100 == 2 ? null
                : codeOf(response.body()));
    }

    private Outcome timesheet(SimulatedRecord record) {
        JsonNode p = json.valueToTree(record.payload());
        ObjectNode body = json.createObjectNode();
        body.withArray("lines").add(p);
        long started = System.nanoTime();
        while (true) {
            HttpResponse<String> response = post(hoursUrl + "/chantiers/" + record.chantierId() + "/timesheets", body,
                    staff(record));
            if (response.statusCode() != 200) {
                return new Outcome(record, response.statusCode(), codeOf(response.body()));
            }
            JsonNode line = read(response.body()).at("/lines/0");
            String code = line.path("outcome").asText().equals("REFUSED") ? line.at("/problem/code").asText() : null;
            Duration waited = Duration.ofNanos(System.nanoTime() - started);
            boolean viewMayTrail = code != null && (code.equals("UNKNOWN_PATHWAY")
                    ? waited.compareTo(UNKNOWN_PATHWAY_PATIENCE) < 0
                    : PATHWAY_DATE_REFUSALS.contains(code) && waited.compareTo(PATHWAY_DATES_PATIENCE) < 0);
            if (!viewMayTrail) {
                return new Outcome(record, response.statusCode(), code);
            }
            pause();
        }
    }

    private String staff(SimulatedRecord record) {
        return tokens.token("chantier-staff", Map.of("territory", record.territoryId(), "chantier",
                record.chantierId()));
    }

    private HttpResponse<String> post(String url, JsonNode body, String token) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("POST " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String codeOf(String body) {
        JsonNode problem = read(body);
        return problem.hasNonNull("code") ? problem.get("code").asText() : "";
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
