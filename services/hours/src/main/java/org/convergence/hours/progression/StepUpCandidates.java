package org.convergence.hours.progression;

import com.mongodb.client.model.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.convergence.platform.programs.Program;
import org.convergence.platform.programs.ProgramCatalog;
import org.convergence.platform.views.EnrolmentView;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The "ready to step up" list of a chantier or a territory: Premières Heures pathways still running whose streak
 * reaches the configured number of weeks, with the next step of the program's ladder. Read by {@code _id} only: a
 * chantier's document (or a territory's, then its chantiers' with one {@code $in}), then the pathways listed with
 * one {@code $in} on the enrolment view, which drops pathways that ended or moved to another chantier.
 */
@ApplicationScoped
public class StepUpCandidates {

    /**
     * One participant ready to step up.
     *
     * @param suggestedWeeklyHours the next step of the ladder; null above the ladder (decided case by case)
     * @param weeksInARow          weeks worked at the share of their contract, up to {@code lastWeek}
     */
    public record Candidate(String pathwayId, String participantId, String chantierId, int weeklyHours,
                            LocalDate contractFrom, Integer suggestedWeeklyHours, int weeksInARow, String lastWeek) {
    }

    /** A list and the rule it was drawn with. */
    public record StepUpList(String territoryId, String chantierId, int weeksInARow, int percentOfContract,
                             LocalDate asOf, List<Candidate> candidates) {
    }

    private final StepUpProjection model;
    private final EnrolmentView view;
    private final Program premieresHeures;
    private final Clock clock;

    public StepUpCandidates(StepUpProjection model, EnrolmentView view, ProgramCatalog programs) {
        this.model = model;
        this.view = view;
        this.premieresHeures = programs.require(ProgramCatalog.PREMIERES_HEURES);
        this.clock = Clock.systemUTC();
    }

    public StepUpList ofChantier(String territoryId, String chantierId) {
        Document chantier = model.chantiers().find(Filters.eq("_id", chantierId)).first();
        return listOf(territoryId, chantierId, chantier == null ? List.of() : List.of(chantier));
    }

    public StepUpList ofTerritory(String territoryId) {
        Document territory = model.territories().find(Filters.eq("_id", territoryId)).first();
        List<String> chantierIds = territory == null ? List.of()
                : territory.getList("chantierIds", String.class, List.of());
        List<Document> chantiers = new ArrayList<>();
        if (!chantierIds.isEmpty()) {
            model.chantiers().find(Filters.in("_id", chantierIds)).forEach(chantiers::add);
        }
        return listOf(territoryId, null, chantiers);
    }

    private StepUpList listOf(String territoryId, String chantierId, List<Document> chantiers) {
        LocalDate today = LocalDate.now(clock);
        int weeks = model.rule().weeksInARow();
        Map<String, Candidate> onStreak = new HashMap<>();
        for (Document chantier : chantiers) {
            Document entries = chantier.get("pathways", Document.class);
            if (entries == null) {
                continue;
            }
            entries.forEach((pathwayId, value) -> {
                if (value instanceof Document entry && entry.getInteger("streak", 0) >= weeks) {
                    candidateOf(pathwayId, chantier.getString("_id"), entry)
                            .ifPresent(c -> onStreak.put(pathwayId, c));
                }
            });
        }
        List<Candidate> ready = new ArrayList<>();
        view.pathways(onStreak.keySet()).forEach((id, pathway) -> {
            Candidate candidate = onStreak.get(id);
            if (pathway.isActiveOn(today) && candidate.chantierId().equals(pathway.chantierId())
                    && territoryId.equals(pathway.territoryId())) {
                ready.add(candidate);
            }
        });
        ready.sort(Comparator.comparing(Candidate::chantierId).thenComparing(Candidate::lastWeek)
                .thenComparing(Candidate::pathwayId));
        return new StepUpList(territoryId, chantierId, weeks, model.rule().percentOfContract(), today,
                List.copyOf(ready));
    }

    /** Nothing to suggest at the program's maximum: such a participant is not listed. */
    private Optional<Candidate> candidateOf(String pathwayId, String chantierId, Document entry) {
        int hours = entry.getInteger("weeklyHours");
        if (hours >= premieresHeures.weeklyHours().max()) {
            return Optional.empty();
        }
        String from = entry.getString("contractFrom");
        return Optional.of(new Candidate(pathwayId, entry.getString("participantId"), chantierId, hours,
                from == null ? null : LocalDate.parse(from),
                premieresHeures.weeklyHours().nextStepAbove(hours).orElse(null), entry.getInteger("streak"),
                entry.getString("lastWeek")));
    }
}
