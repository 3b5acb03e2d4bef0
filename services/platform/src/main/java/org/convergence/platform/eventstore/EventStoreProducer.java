package org.convergence.platform.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.convergence.platform.config.PlatformConfig;
import org.convergence.platform.relay.RelaySignal;

/** Makes the service's Mongo database and its event store available to CDI. */
@Singleton
public class EventStoreProducer {

    @Produces
    @Singleton
    MongoDatabase database(MongoClient client, PlatformConfig config) {
        return client.getDatabase(config.database());
    }

    @Produces
    @Singleton
    MongoEventStore eventStore(MongoDatabase database, RelaySignal relaySignal) {
        return new MongoEventStore(database, relaySignal::fire);
    }
}
