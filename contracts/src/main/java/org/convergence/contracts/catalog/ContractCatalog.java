package org.convergence.contracts.catalog;

import org.convergence.contracts.EventCatalog;
import org.convergence.contracts.IntegrationEventType;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The registry of integration event types, derived rather than kept by hand: every {@link EventCatalog} class of
 * the contracts module is found on the class path and its {@link IntegrationEventType} constants read; every
 * {@code schemas/<type>.v<N>.json} file is listed; the two must agree exactly, or the catalogue refuses to exist
 * (a service then fails at start-up, and the contracts tests fail at build time).
 */
public final class ContractCatalog {

    /** Schemas of this folder that describe no event type. */
    public static final Set<String> SHARED_SCHEMAS = Set.of("envelope.v1.json");

    private static final String CLASS_PREFIX = "org/convergence/contracts/";
    private static final String SCHEMA_FOLDER = "schemas/";
    private static final Pattern SCHEMA_FILE = Pattern.compile("([a-z][a-z0-9-]*(?:\\.[a-z][a-z0-9-]*)+)\\.v([1-9][0-9]*)\\.json");

    private static volatile ContractCatalog discovered;

    private final Map<IntegrationEventType<?>, String> topics;

    private ContractCatalog(Map<IntegrationEventType<?>, String> topics) {
        this.topics = topics;
    }

    /** The catalogue of the contracts module on the class path, discovered once. */
    public static ContractCatalog discovered() {
        ContractCatalog catalog = discovered;
        if (catalog == null) {
            synchronized (ContractCatalog.class) {
                if (discovered == null) {
                    discovered = discover(ContractsClasspath.entries(), ContractCatalog.class.getClassLoader());
                }
                catalog = discovered;
            }
        }
        return catalog;
    }

    /**
     * The catalogue described by a module's entries: its catalogue classes (loaded with {@code loader}) and its
     * schema files. Fails naming every type without a schema and every schema without a type.
     */
    static ContractCatalog discover(Collection<String> entries, ClassLoader loader) {
        List<Class<?>> catalogues = new ArrayList<>();
        Set<String> schemaFiles = new TreeSet<>();
        for (String entry : entries) {
            if (entry.startsWith(CLASS_PREFIX) && entry.endsWith(".class") && !entry.contains("$")
                    && !entry.endsWith("package-info.class")) {
                Class<?> candidate = load(entry, loader);
                if (candidate.isAnnotationPresent(EventCatalog.class)) {
                    catalogues.add(candidate);
                }
            } else if (entry.startsWith(SCHEMA_FOLDER) && entry.endsWith(".json")
                    && entry.indexOf('/', SCHEMA_FOLDER.length()) < 0) {
                schemaFiles.add(entry.substring(SCHEMA_FOLDER.length()));
            }
        }
        return of(catalogues, schemaFiles);
    }

    /** The catalogue of the given catalogue classes, checked against the given schema file names. */
    public static ContractCatalog of(Collection<Class<?>> catalogues, Collection<String> schemaFiles) {
        Map<IntegrationEventType<?>, String> topics = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        Map<String, IntegrationEventType<?>> byFile = new LinkedHashMap<>();
        catalogues.stream().sorted(Comparator.comparing(Class::getName)).forEach(catalogue -> {
            String topic = catalogue.getAnnotation(EventCatalog.class).topic();
            for (IntegrationEventType<?> type : constantsOf(catalogue)) {
                IntegrationEventType<?> twin = byFile.putIfAbsent(type.schemaFileName(), type);
                if (twin != null) {
                    problems.add(type + " is declared twice");
                    continue;
                }
                topics.put(type, topic);
                if (!schemaFiles.contains(type.schemaFileName())) {
                    problems.add(type + " (" + catalogue.getSimpleName() + ") has no schema "
                            + SCHEMA_FOLDER + type.schemaFileName());
                }
            }
        });
        for (String file : new TreeSet<>(schemaFiles)) {
            if (SHARED_SCHEMAS.contains(file)) {
                continue;
            }
            Matcher name = SCHEMA_FILE.matcher(file);
            if (!name.matches()) {
                problems.add(SCHEMA_FOLDER + file + " is not named <type>.v<version>.json");
            } else if (!byFile.containsKey(file)) {
                problems.add(SCHEMA_FOLDER + file + " describes no declared event type (no " + name.group(1)
                        + " v" + name.group(2) + " constant in an @EventCatalog class)");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The event catalogue and the schemas disagree: " + problems);
        }
        return new ContractCatalog(topics);
    }

    /** Every registered type, catalogue by catalogue in declaration order. */
    public List<IntegrationEventType<?>> types() {
        return List.copyOf(topics.keySet());
    }

    /** The topic a registered type is published on. */
    public String topicOf(IntegrationEventType<?> type) {
        String topic = topics.get(type);
        if (topic == null) {
            throw new IllegalArgumentException(type + " is not registered");
        }
        return topic;
    }

    /** Every topic some registered type is published on. */
    public Set<String> topics() {
        return new TreeSet<>(topics.values());
    }

    private static List<IntegrationEventType<?>> constantsOf(Class<?> catalogue) {
        List<IntegrationEventType<?>> constants = new ArrayList<>();
        for (Field field : catalogue.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (field.getType() == IntegrationEventType.class && Modifier.isStatic(modifiers)
                    && Modifier.isPublic(modifiers) && Modifier.isFinal(modifiers)) {
                try {
                    constants.add((IntegrationEventType<?>) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("Cannot read " + catalogue.getName() + "." + field.getName(), e);
                }
            }
        }
        return constants;
    }

    private static Class<?> load(String classEntry, ClassLoader loader) {
        String name = classEntry.substring(0, classEntry.length() - ".class".length()).replace('/', '.');
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("Cannot load " + name + " from the contracts module", e);
        }
    }
}
