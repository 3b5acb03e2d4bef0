package org.convergence.platform.rest;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a constraint violation is, in the client's words: {@code programs[0].since} in a body, the parameter's name
 * as the URL spells it ({@code year}, {@code size}), {@code body} for a body that is missing altogether. Never the
 * Java method or parameter name, which means nothing to a client.
 */
public final class ViolationPaths {

    public static final String BODY = "body";

    private ViolationPaths() {
    }

    public static String of(ConstraintViolation<?> violation) {
        List<String> parts = new ArrayList<>();
        Method method = null;
        for (Path.Node node : violation.getPropertyPath()) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD) {
                method = find(violation.getRootBeanClass(), node.as(Path.MethodNode.class));
                continue;
            }
            if (kind == ElementKind.PARAMETER) {
                String name = parameterName(violation.getRootBeanClass(), method,
                        node.as(Path.ParameterNode.class).getParameterIndex());
                if (name != null) {
                    parts.add(name);
                }
                continue;
            }
            if (kind == ElementKind.CONSTRUCTOR || kind == ElementKind.RETURN_VALUE
                    || kind == ElementKind.CROSS_PARAMETER || kind == ElementKind.BEAN) {
                continue;
            }
            if (node.isInIterable() && !parts.isEmpty()) {
                Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
                if (position != null) {
                    parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "[" + position + "]");
                }
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                parts.add(node.getName());
            }
        }
        return parts.isEmpty() ? BODY : String.join(".", parts);
    }

    private static Method find(Class<?> type, Path.MethodNode node) {
        Class<?>[] types = node.getParameterTypes().toArray(Class<?>[]::new);
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredMethod(node.getName(), types);
            } catch (NoSuchMethodException e) {
                // declared higher up
            }
        }
        return null;
    }

    /** The JAX-RS name of a path or query parameter; {@code null} for the body. Generated subclasses drop annotations. */
    private static String parameterName(Class<?> type, Method method, int index) {
        if (method == null) {
            return null;
        }
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Method declared = c.getDeclaredMethod(method.getName(), method.getParameterTypes());
                java.lang.reflect.Parameter parameter = declared.getParameters()[index];
                String name = ParameterFormats.pathName(parameter);
                if (name == null) {
                    name = ParameterFormats.queryName(parameter);
                }
                if (name != null) {
                    return name;
                }
            } catch (NoSuchMethodException e) {
                // declared higher up
            }
        }
        return null;
    }
}
