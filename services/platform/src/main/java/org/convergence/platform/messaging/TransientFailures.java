package org.convergence.platform.messaging;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteConcernException;
import com.mongodb.bulk.BulkWriteError;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Tells a failure that will pass by itself (the database or the broker away, a race between two writers) from one
 * that a given record causes every time. The first retries the batch after a back-off and never dead-letters
 * anything; the second makes the consumer look for the record at fault.
 */
public final class TransientFailures {

    private static final int DUPLICATE_KEY = 11000;

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MongoSocketException || t instanceof MongoTimeoutException
                    || t instanceof MongoExecutionTimeoutException || t instanceof MongoNotPrimaryException
                    || t instanceof MongoNodeIsRecoveringException || t instanceof MongoWriteConcernException
                    || t instanceof RetriableException || t instanceof ContendedWriteException) {
                return true;
            }
            if (t instanceof MongoBulkWriteException bulk && !bulk.getWriteErrors().isEmpty()
                    && bulk.getWriteErrors().stream().allMatch(TransientFailures::isRace)) {
                return true;
            }
            if (t instanceof MongoException mongo && (mongo.hasErrorLabel(MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL)
                    || mongo.hasErrorLabel("RetryableWriteError") || mongo.getCode() == DUPLICATE_KEY)) {
                return true;
            }
        }
        return false;
    }

    /** Two replicas upserting the same new document: one of them loses on the unique _id and just retries. */
    private static boolean isRace(BulkWriteError error) {
        return error.getCode() == DUPLICATE_KEY;
    }
}
