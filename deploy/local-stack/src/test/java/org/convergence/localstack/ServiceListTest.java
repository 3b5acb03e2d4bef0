package org.convergence.localstack;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.Yaml;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code deploy/services.conf} is the one description of the services: every other place that must name a
 * service (Maven modules, the launcher's build, Kubernetes, compose) agrees with it, and no deployment file
 * repeats a default the services already declare. Reads the files as they are, with a YAML and an XML parser;
 * needs nothing outside Maven.
 */
class ServiceListTest {

    private static final Path ROOT = Path.of(System.getProperty("repository.root", "../..")).toAbsolutePath()
            .normalize();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):([^}]*)}");
    private final List<ServiceList.Service> services = ServiceList.read(ROOT);

    @Test
    void theListNamesEachServiceOnceWithItsOwnPort() {
        Set<String> names = new HashSet<>();
        Set<Integer> ports = new HashSet<>(Set.of(StackLayout.KAFKA_PORT, StackLayout.MONGO_PORT));
        for (ServiceList.Service service : services) {
            assertTrue(names.add(service.name()), service.name() + " listed twice");
            assertTrue(ports.add(service.port()), service.name() + ": port " + service.port() + " already taken");
        }
    }

    @Test
    void everyListedServiceIsAModuleOfTheServicesParentAndNothingElseIs() throws Exception {
        assertEquals(names(), new TreeSet<>(texts(xml("services/pom.xml"), "module")));
        for (ServiceList.Service service : services) {
            Element parent = (Element) xml("services/" + service.name() + "/pom.xml").getElementsByTagName("parent")
                    .item(0);
            assertEquals("service-parent", parent.getElementsByTagName("artifactId").item(0).getTextContent(),
                    service.name() + "'s pom must stand on services/pom.xml");
        }
    }

    @Test
    void theLauncherIsBuiltAfterEveryListedService() throws Exception {
        Set<String> dependencies = new HashSet<>(texts(xml("deploy/local-stack/pom.xml"), "artifactId"));
        for (ServiceList.Service service : services) {
            assertTrue(dependencies.contains(service.name()), "deploy/local-stack/pom.xml must depend on "
                    + service.name() + " (build order: the launcher and its tests run its packaged jar)");
        }
    }

    @Test
    void aServiceConfiguresItselfButNotItsPortAndHasNoImageRecipeOfItsOwn() throws IOException {
        for (ServiceList.Service service : services) {
            Properties properties = properties("services/" + service.name()
                    + "/src/main/resources/application.properties");
            assertEquals(service.name(), properties.getProperty("convergence.service-name"));
            assertFalse(properties.containsKey("quarkus.http.port"), service.name()
                    + ": the local port is in deploy/services.conf, 8080 in containers");
            assertFalse(Files.exists(ROOT.resolve("services/" + service.name() + "/src/main/docker")),
                    "every service is built by deploy/service/Dockerfile");
        }
    }

    @Test
    void kubernetesHasOneSmallDirectoryPerServiceComposedFromItsKind() throws IOException {
        try (Stream<Path> dirs = Files.list(ROOT.resolve("k8s/services"))) {
            assertEquals(names(), dirs.map(dir -> dir.getFileName().toString()).collect(Collectors.toCollection(
                    TreeSet::new)));
        }
        for (ServiceList.Service service : services) {
            Map<String, Object> kustomization = yaml("k8s/services/" + service.name() + "/kustomization.yaml");
            assertEquals(List.of("../../components/service", "../../components/" + service.kind()),
                    kustomization.get("components"), service.name() + "'s components");
            assertEquals(List.of(Map.of("name", service.name(), "literals", List.of("name=" + service.name()))),
                    kustomization.get("configMapGenerator"), service.name() + " names itself for the components");
            assertEquals(Set.of("apiVersion", "kind", "components", "configMapGenerator"), kustomization.keySet(),
                    service.name() + ": anything else belongs to its kind's component or to an overlay");
        }
        assertTrue(Files.isDirectory(ROOT.resolve("k8s/components/service")));
        for (String kind : ServiceList.KINDS) {
            assertTrue(Files.exists(ROOT.resolve("k8s/components/" + kind + "/kustomization.yaml")), kind);
        }
        assertEquals(services.stream().map(s -> "../services/" + s.name()).toList(),
                yaml("k8s/base/kustomization.yaml").get("resources"));
        for (String overlay : List.of("staging", "production")) {
            List<Map<String, Object>> images = list(yaml("k8s/overlays/" + overlay + "/kustomization.yaml"),
                    "images");
            assertEquals(names().stream().map(name -> "convergence/" + name).collect(Collectors.toSet()),
                    images.stream().map(image -> image.get("name")).collect(Collectors.toSet()),
                    overlay + " pins a tag for every service's image");
        }
    }

    @Test
    void composeRunsEveryServiceFromTheSharedBlockWithItsListedPort() throws IOException {
        Map<String, Object> compose = yaml("deploy/compose/docker-compose.yml");
        Map<String, Object> shared = map(compose, "x-service");
        Map<String, Map<String, Object>> composed = new HashMap<>();
        map(compose, "services").forEach((name, block) -> composed.put(name, cast(block)));
        Set<String> servers = new TreeSet<>(composed.keySet());
        servers.removeAll(names());
        assertEquals(Set.of("kafka", "mongo"), servers, "compose runs the listed services and their two servers");
        for (ServiceList.Service service : services) {
            Map<String, Object> block = composed.get(service.name());
            assertEquals("convergence/" + service.name(), block.get("image"));
            assertEquals(List.of(service.port() + ":8080"), block.get("ports"), service.name() + "'s host port");
            assertEquals(Map.of("SERVICE", service.name()), map(map(block, "build"), "args"));
            assertEquals("deploy/service/Dockerfile", map(block, "build").get("dockerfile"));
            for (String key : shared.keySet()) {
                assertEquals(shared.get(key), block.get(key), service.name() + " takes " + key + " from x-service");
            }
        }
    }

    @Test
    void deploymentFilesSetOnlyWhatDiffersFromTheServicesOwnDefaults() throws IOException {
        Map<String, String> defaults = declaredDefaults();
        Map<String, String> deployed = new HashMap<>();
        cast(map(yaml("deploy/compose/docker-compose.yml"), "x-service").get("environment"))
                .forEach((name, value) -> deployed.put("compose " + name, String.valueOf(value)));
        for (Map<String, Object> generator : list(yaml("k8s/base/kustomization.yaml"), "configMapGenerator")) {
            for (Object literal : (List<?>) generator.get("literals")) {
                String[] pair = literal.toString().split("=", 2);
                deployed.put("k8s " + pair[0], pair[1]);
            }
        }
        List<String> repeated = new ArrayList<>();
        deployed.forEach((where, value) -> {
            String variable = where.substring(where.indexOf(' ') + 1);
            if (value.equals(defaults.get(variable))) {
                repeated.add(where + "=" + value);
            }
        });
        assertTrue(defaults.containsKey("CONVERGENCE_READ_MODEL_GENERATION"), "the defaults were read: " + defaults.keySet());
        assertEquals(List.of(), repeated, "set again to the default the services declare");
    }

    /**
     * Every default the services declare, by environment variable: {@code ${VAR:default}} placeholders and plain
     * properties, whose variable is the property's name in upper case with dots and dashes as underscores.
     */
    private Map<String, String> declaredDefaults() throws IOException {
        List<String> files = new ArrayList<>(List.of(
                "services/platform/src/main/resources/META-INF/microprofile-config.properties"));
        services.forEach(s -> files.add("services/" + s.name() + "/src/main/resources/application.properties"));
        Map<String, String> defaults = new HashMap<>();
        for (String file : files) {
            properties(file).forEach((key, value) -> {
                Matcher placeholder = PLACEHOLDER.matcher(value.toString());
                if (placeholder.matches()) {
                    defaults.put(placeholder.group(1), placeholder.group(2));
                } else {
                    defaults.put(key.toString().replaceAll("[.\\-\"]", "_").toUpperCase(), value.toString());
                }
            });
        }
        return defaults;
    }

    private Set<String> names() {
        return services.stream().map(ServiceList.Service::name).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Document xml(String file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(ROOT.resolve(file).toFile());
    }

    private static List<String> texts(Document document, String tag) {
        NodeList nodes = document.getElementsByTagName(tag);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent().strip());
        }
        return texts;
    }

    private static Properties properties(String file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(ROOT.resolve(file))) {
            properties.load(reader);
        }
        return properties;
    }

    private static Map<String, Object> yaml(String file) throws IOException {
        try (Reader reader = Files.newBufferedReader(ROOT.resolve(file))) {
            return new Yaml().load(reader);
        }
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertTrue(value instanceof Map, key + " is missing or not a mapping");
        return cast(value);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertTrue(value instanceof List, key + " is missing or not a list");
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }

}
