package org.convergence.contracts;

/**
 * A versioned integration event type and the Java record of its payload.
 *
 * @param name        the {@code type} field of the envelope
 * @param version     the {@code schemaVersion} field of the envelope
 * @param payloadType the record the payload maps to
 */
public record IntegrationEventType<P extends IntegrationPayload>(String name, int version, Class<P> payloadType) {

    /** Resource path of the JSON schema describing this type's payload. */
    public String schemaResource() {
        return "/schemas/" + name + ".v" + version + ".json";
    }
}
