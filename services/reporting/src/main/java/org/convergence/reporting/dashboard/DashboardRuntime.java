package org.convergence.reporting.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.convergence.platform.programs.ProgramCatalog;
import org.convergence.reporting.figures.FiguresService;
import org.convergence.reporting.projection.ReportingModel;
import org.convergence.reporting.published.PublishedReports;
import org.convergence.reporting.territories.Deployments;

/** Makes the dashboard's pieces available to CDI. */
@Singleton
public class DashboardRuntime {

    @Produces
    @Singleton
    FigureTree figureTree(ObjectMapper mapper) {
        return new FigureTree(mapper);
    }

    @Produces
    @Singleton
    FigureLabels figureLabels() {
        return new FigureLabels();
    }

    @Produces
    @Singleton
    org.convergence.reporting.export.FigureExports figureExports(FigureLabels labels) {
        return new org.convergence.reporting.export.FigureExports(labels);
    }

    @Produces
    @Singleton
    Directory directory(ReportingModel model) {
        return new Directory(model);
    }

    @Produces
    @Singleton
    DashboardModel dashboardModel(FiguresService figures, Deployments deployments, PublishedReports published,
                                  Directory directory, ProgramCatalog programs, FigureTree tree, FigureLabels labels,
                                  org.convergence.reporting.conventions.Conventions conventions,
                                  org.convergence.reporting.dataquality.WeeksWithoutHoursList weeksWithoutHours,
                                  org.convergence.reporting.export.EvaluatorFigures evaluators) {
        return new DashboardModel(figures, deployments, published, directory, programs, tree, labels, conventions,
                weeksWithoutHours, evaluators);
    }
}
