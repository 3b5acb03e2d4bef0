package org.convergence.reporting.dashboard;

import io.quarkus.qute.TemplateData;
import org.convergence.platform.security.CallerScope;

/** Who is looking, as the page header says it, and what the pages may offer them. */
@TemplateData
public record Viewer(String subject, String roleLabel, boolean national, boolean evaluator, boolean coordinator,
                     String territoryId, String chantierId) {

    static Viewer of(CallerScope scope) {
        boolean national = scope.isNational();
        boolean evaluator = scope.isEvaluator();
        boolean coordinator = scope.isTerritoryCoordinator();
        String role = national ? "équipe nationale" : evaluator ? "évaluation et financeurs"
                : coordinator ? "coordination de territoire" : scope.chantier().isPresent() ? "équipe de chantier"
                : "sans rôle pour le tableau de bord";
        return new Viewer(scope.subject(), role, national, evaluator, coordinator, scope.territory().orElse(null),
                scope.chantier().orElse(null));
    }

    /** Sees the nation: the national team and evaluators (aggregates only). */
    public boolean seesNation() {
        return national || evaluator;
    }

    /** Sees work-list counts of a territory: the national team and that territory's coordination. */
    public boolean managesTerritory(String territory) {
        return national || coordinator && territory.equals(territoryId);
    }
}
