package org.convergence.hours.application;

import jakarta.enterprise.context.ApplicationScoped;
import org.convergence.hours.domain.PathwayTerms;
import org.convergence.platform.domain.RuleViolationException;
import org.convergence.platform.views.EnrolmentView;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The pathways as this service knows them from enrolment's facts (the platform's {@link EnrolmentView}, read by
 * {@code _id}): a batch of weeks reads its pathways with one {@code $in} and each chantier once.
 */
@ApplicationScoped
public class KnownPathways {

    private final EnrolmentView view;

    public KnownPathways(EnrolmentView view) {
        this.view = view;
    }

    public Optional<PathwayTerms> terms(String pathwayId) {
        return Optional.ofNullable(terms(Set.of(pathwayId)).get(pathwayId));
    }

    /** The terms of those of these pathways the view knows, by id. */
    public Map<String, PathwayTerms> terms(Collection<String> pathwayIds) {
        Map<String, PathwayTerms> found = new LinkedHashMap<>();
        Map<String, Optional<EnrolmentView.Chantier>> chantiers = new HashMap<>();
        view.pathways(pathwayIds).forEach((id, pathway) -> {
            Optional<EnrolmentView.Chantier> chantier = chantiers.computeIfAbsent(pathway.chantierId(),
                    view::chantier);
            Set<String> programs = chantier.map(c -> c.programsSince().keySet()).orElse(Set.of(pathway.program()));
            found.put(id, new PathwayTerms(id, pathway.participantId(), pathway.program(), pathway.territoryId(),
                    pathway.chantierId(), programs, pathway.entryDate(), pathway.endDate()));
        });
        return found;
    }

    public Optional<EnrolmentView.Chantier> chantier(String chantierId) {
        return view.chantier(chantierId);
    }

    /** The refusal of a fact about a pathway enrolment never published (or not yet). */
    public static RuleViolationException unknown(String pathwayId) {
        return new RuleViolationException("UNKNOWN_PATHWAY", "Pathway " + pathwayId
                + " is not known to the hours service: enrolment has not published it (yet)");
    }
}
