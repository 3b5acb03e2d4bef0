package org.convergence.reporting.dashboard;

import io.quarkus.qute.TemplateData;

import java.util.List;

/** What the dashboard's templates show besides figure grids and charts. */
public final class DashboardViews {

    private DashboardViews() {
    }

    /** One line of a table of places (territories, chantiers) with some of their figures. */
    @TemplateData
    public record PlaceRow(String id, String name, String link, List<FigureGrid.Cell> cells) {
    }

    @TemplateData
    public record PlaceTable(List<String> headers, List<PlaceRow> rows) {
    }

    /** How many territories are engaged and operational in a program. */
    @TemplateData
    public record ProgramCount(String program, int engaged, int operational) {
    }

    /** A territory's deployment, one readable sentence per program. */
    @TemplateData
    public record Deployment(String territoryId, String name, String link, String coordination, List<String> programs) {
    }

    /** A work list with its count, for the territory and for each chantier. */
    @TemplateData
    public record WorkCount(String label, int count, List<Integer> byChantier) {
    }

    @TemplateData
    public record Publication(int year, String asOf, String publishedBy, int edition, String reason) {
    }

    /** One target of a funding convention and where it stands ({@code secret} both, for an evaluator, ADR 0040). */
    @TemplateData
    public record ConventionLine(String convention, String what, String target, String actual, String reached) {
    }

    public static String targetLabel(String what) {
        return switch (what) {
            case "territoriesOperational" -> "Territoires opérationnels";
            case "newTerritories" -> "Nouveaux territoires";
            case "participants" -> "Participants dans l'année";
            default -> what;
        };
    }

    public static String programLabel(String code) {
        return switch (code) {
            case "PREMIERES_HEURES" -> "Premières Heures";
            case "CONVERGENCE" -> "Convergence";
            default -> code;
        };
    }

    public static String statusLabel(String status) {
        return switch (status) {
            case "ENGAGED" -> "engagé";
            case "OPERATIONAL" -> "opérationnel";
            default -> status;
        };
    }
}
