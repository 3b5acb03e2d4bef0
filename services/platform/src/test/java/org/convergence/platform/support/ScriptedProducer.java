package org.convergence.platform.support;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.function.Predicate;

/**
 * A producer that acknowledges every record at once, except those a test says the broker fails: those get a
 * failed acknowledgement and never reach {@link #history()}. Records every attempt in {@link #attempts()}.
 */
public final class ScriptedProducer extends MockProducer<String, byte[]> {

    private volatile Predicate<ProducerRecord<String, byte[]>> fails = record -> false;
    private final List<ProducerRecord<String, byte[]>> attempts = new ArrayList<>();

    public ScriptedProducer() {
        super(true, null, new StringSerializer(), new ByteArraySerializer());
    }

    /** From now on, records matching {@code fails} are not acknowledged. */
    public void failWhen(Predicate<ProducerRecord<String, byte[]>> fails) {
        this.fails = fails;
    }

    public synchronized List<ProducerRecord<String, byte[]>> attempts() {
        return List.copyOf(attempts);
    }

    @Override
    public synchronized Future<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
        return send(record, null);
    }

    @Override
    public synchronized Future<RecordMetadata> send(ProducerRecord<String, byte[]> record, Callback callback) {
        attempts.add(record);
        if (fails.test(record)) {
            return CompletableFuture.failedFuture(new TimeoutException("the broker did not acknowledge " + record.key()));
        }
        return super.send(record, callback);
    }
}
