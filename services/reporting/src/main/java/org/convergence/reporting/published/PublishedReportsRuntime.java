package org.convergence.reporting.published;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.convergence.reporting.figures.FiguresService;
import org.convergence.reporting.projection.ReportingModel;
import org.convergence.reporting.territories.Deployments;

import java.time.Clock;

/** Makes the published reports available to CDI. */
@Singleton
public class PublishedReportsRuntime {

    @Produces
    @Singleton
    PublishedReports publishedReports(MongoDatabase database, FiguresService figures, Deployments deployments,
                                      ReportingModel model, ObjectMapper mapper) {
        return new PublishedReports(database, figures, deployments, model, mapper, Clock.systemUTC());
    }
}
