package org.convergence.contracts.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The entries of the contracts module as it is deployed: a directory while building ({@code target/classes}) or a
 * jar once packaged. Found from the location of a resource this module owns, so the listing is the module's own,
 * whatever class loader (Quarkus' included) serves it: never another module's entries, nor test resources.
 */
final class ContractsClasspath {

    /** A class only this module has: its location gives the module's root. */
    private static final String ANCHOR = "org/convergence/contracts/IntegrationEvents.class";

    private ContractsClasspath() {
    }

    /** Every entry name (e.g. {@code schemas/pathway.enrolled.v1.json}) of the module, relative to its root. */
    static List<String> entries() {
        URL anchor = ContractsClasspath.class.getClassLoader().getResource(ANCHOR);
        if (anchor == null) {
            throw new IllegalStateException("The contracts module has no " + ANCHOR + " on the class path");
        }
        try {
            return switch (anchor.getProtocol()) {
                case "file" -> directoryEntries(rootOf(Paths.get(anchor.toURI())));
                case "jar" -> jarEntries(anchor);
                default -> throw new IllegalStateException("Cannot list the contracts module at " + anchor);
            };
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot list the contracts module at " + anchor, e);
        }
    }

    private static Path rootOf(Path anchorFile) {
        Path root = anchorFile;
        for (int level = 0; level < ANCHOR.split("/").length; level++) {
            root = root.getParent();
        }
        return root;
    }

    private static List<String> directoryEntries(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> root.relativize(file).toString().replace('\\', '/'))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> jarEntries(URL anchor) throws URISyntaxException {
        String spec = anchor.toString();
        String jarUri = spec.substring("jar:".length(), spec.indexOf("!/"));
        try (JarFile jar = new JarFile(Paths.get(new URI(jarUri)).toFile())) {
            List<String> names = new ArrayList<>();
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (!entry.isDirectory()) {
                    names.add(entry.getName());
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
