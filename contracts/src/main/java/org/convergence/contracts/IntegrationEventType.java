package org.convergence.contracts;

import java.util.Objects;

/**
 * A versioned integration event type: the Java record of its payload, and what the schema alone cannot say about
 * its envelope (which payload field is the subject the envelope's {@code key} names, and where the fact belongs).
 * Declared as a constant of a catalogue class ({@link EventCatalog}); the registry finds it there.
 *
 * @param name        the {@code type} field of the envelope
 * @param version     the {@code schemaVersion} field of the envelope
 * @param payloadType the record the payload maps to
 * @param keyField    the payload field whose value the envelope's {@code key} (and the Kafka record key) repeats
 * @param scope       what the envelope must carry: a territory, a territory and a chantier, or neither
 */
public record IntegrationEventType<P extends IntegrationPayload>(String name, int version, Class<P> payloadType,
                                                                 String keyField, Scope scope) {

    /** Where a fact belongs, hence which of the envelope's {@code territoryId} and {@code chantierId} it carries. */
    public enum Scope {
        /** A fact outside any territory or chantier (an employer, a partner, a store): both may be absent. */
        NONE,
        /** A fact of a territory: the envelope carries its {@code territoryId}. */
        TERRITORY,
        /** A fact of a chantier or of a pathway at a chantier: the envelope carries both ids. */
        CHANTIER
    }

    public IntegrationEventType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(payloadType, "payloadType");
        Objects.requireNonNull(keyField, "keyField");
        Objects.requireNonNull(scope, "scope");
        if (version < 1) {
            throw new IllegalArgumentException(name + ": version must be at least 1");
        }
    }

    /** Resource path of the JSON schema describing this type's payload. */
    public String schemaResource() {
        return "/schemas/" + schemaFileName();
    }

    /** File name of that schema, {@code <type>.v<version>.json}. */
    public String schemaFileName() {
        return name + ".v" + version + ".json";
    }

    @Override
    public String toString() {
        return name + " v" + version;
    }
}
