package org.convergence.platform.axon;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.ReflectionUtils;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * Axon's {@link AnnotationCommandTargetResolver} (the {@code @TargetAggregateIdentifier} and
 * {@code @TargetAggregateVersion} member of a command: the first annotated method, else the first annotated field),
 * with the member found once per command class instead of at every command: Axon walks and copies every method and
 * field of the class each time, twice per command (routing, and {@link CommandBatch}'s grouping), which was the
 * largest single cost of a batched command (ADR 0030). Same values, same refusals.
 */
final class CachedCommandTargetResolver implements CommandTargetResolver {

    static final CachedCommandTargetResolver INSTANCE = new CachedCommandTargetResolver();

    private static final ClassValue<Accessor> IDENTIFIERS = accessors(TargetAggregateIdentifier.class);
    private static final ClassValue<Accessor> VERSIONS = accessors(TargetAggregateVersion.class);

    private CachedCommandTargetResolver() {
    }

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        Object payload = command.getPayload();
        Object identifier;
        Long version;
        try {
            identifier = IDENTIFIERS.get(command.getPayloadType()).read(payload);
            version = asLong(VERSIONS.get(command.getPayloadType()).read(payload));
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("An exception occurred while extracting aggregate information form a "
                    + "command", e);
        }
        if (identifier == null) {
            throw new IllegalArgumentException(String.format("Invalid command. It does not identify the target "
                    + "aggregate. Make sure at least one of the fields or methods in the [%s] class contains the "
                    + "@TargetAggregateIdentifier annotation and that it returns a non-null value.",
                    command.getPayloadType().getSimpleName()));
        }
        return new VersionedAggregateIdentifier(identifier, version);
    }

    private static Long asLong(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number number) {
            return number.longValue();
        }
        try {
            return Long.parseLong(value.toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The value provided for the version is not a number.", e);
        }
    }

    private static ClassValue<Accessor> accessors(Class<? extends Annotation> annotation) {
        return new ClassValue<>() {
            @Override
            protected Accessor computeValue(Class<?> type) {
                for (Method method : ReflectionUtils.methodsOf(type)) {
                    if (AnnotationUtils.isAnnotationPresent(method, annotation)) {
                        Method accessible = ReflectionUtils.ensureAccessible(method);
                        return accessible::invoke;
                    }
                }
                for (Field field : ReflectionUtils.fieldsOf(type)) {
                    if (AnnotationUtils.isAnnotationPresent(field, annotation)) {
                        return payload -> ReflectionUtils.getFieldValue(field, payload);
                    }
                }
                return payload -> null;
            }
        };
    }

    /** Reads the annotated member of a command. */
    private interface Accessor {
        Object read(Object payload) throws ReflectiveOperationException;
    }
}
