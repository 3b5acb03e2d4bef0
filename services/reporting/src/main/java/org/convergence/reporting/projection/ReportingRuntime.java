package org.convergence.reporting.projection;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.convergence.contracts.IntegrationEventCodec;
import org.convergence.contracts.Topics;
import org.convergence.platform.messaging.ConsumerDeclaration;
import org.convergence.platform.config.PlatformConfig;
import org.convergence.platform.programs.ProgramCatalog;
import org.convergence.platform.projection.Projection;
import org.convergence.platform.projection.ReadModel;
import org.convergence.reporting.figures.FiguresService;
import org.convergence.reporting.search.ParticipantSearch;
import org.convergence.reporting.territories.Deployments;

import java.util.List;

/**
 * Reporting's read model and the one projection that feeds it: one handler set per topic it reads (enrolment
 * today; hours, accompaniment and transitions join as handler sets of their own). The platform runs the consumer
 * ({@code reporting-figures-<generation>}); bumping {@code convergence.read-model.generation} rebuilds it.
 */
@Singleton
public class ReportingRuntime {

    private final ReportingModel model;

    public ReportingRuntime(ReadModel readModel) {
        this.model = new ReportingModel(readModel);
    }

    /** The projection over these collections, fed by reporting's handler sets. */
    public static Projection projection(ReportingModel model, IntegrationEventCodec codec) {
        return new Projection(codec, model.flushOrder(), List.of(new EnrolmentHandlers(model).handlers(),
                new AccompanimentHandlers(model).handlers(), new TransitionHandlers(model).handlers(),
                new HoursHandlers(model).handlers()));
    }

    @Produces
    @Singleton
    ConsumerDeclaration figuresConsumer(IntegrationEventCodec codec) {
        // ADR 0034: one consumer writes a participant's document from both topics; refuse to run otherwise.
        return projection(model, codec).consumer("figures")
                .requiringCoPartitioned(java.util.Set.of(Topics.ENROLMENT, Topics.ACCOMPANIMENT));
    }

    @Produces
    @Singleton
    ReportingModel model() {
        return model;
    }

    @Produces
    @Singleton
    FiguresService figures(PlatformConfig platform, ProgramCatalog programs) {
        return new FiguresService(model, platform.transitions().meetingAlertWeeks(), programs.codes().stream().collect(
                java.util.stream.Collectors.toMap(code -> code, code -> programs.require(code).weeklyHours().defaultHours())));
    }

    @Produces
    @Singleton
    Deployments deployments() {
        return new Deployments(model);
    }

    @Produces
    @Singleton
    ParticipantSearch participantSearch(ProgramCatalog programs) {
        return new ParticipantSearch(model, programs);
    }
}
