package org.convergence.platform.projection;

import com.mongodb.client.MongoDatabase;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.convergence.platform.config.PlatformConfig;

/** The service's read models of the configured generation ({@code convergence.read-model.generation}). */
@Singleton
public class ReadModelProducer {

    @Produces
    @Singleton
    ReadModel readModel(MongoDatabase database, PlatformConfig config) {
        return new ReadModel(database, config.readModel().generation());
    }
}
