package org.convergence.accompaniment.application;

/** The participant had their identity erased: nobody reads it any more (410 {@code IDENTITY_ERASED}). */
public class IdentityErasedException extends RuntimeException {

    public static final String CODE = "IDENTITY_ERASED";

    public IdentityErasedException() {
        super("This identity was erased at the participant's request");
    }
}
