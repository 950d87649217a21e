package org.trustwatch.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds a JDK that a server can run on. The servers disagree: Apicurio Registry 3 is built for Java 21,
 * while Elasticsearch 8.17 needs the SecurityManager that Java 24 removed.
 */
public final class JdkLocator {

    private static final Pattern JAVA_VERSION =
            Pattern.compile("^JAVA_VERSION=\"(\\d+)(?:\\.(\\d+))?", Pattern.MULTILINE);

    private final List<Jdk> installed;

    JdkLocator(List<Jdk> installed) {
        this.installed = List.copyOf(installed);
    }

    /** Looks at JAVA_HOME, the JDK running this code and every JDK under /usr/lib/jvm. */
    public static JdkLocator scan() {
        Set<Path> homes = new LinkedHashSet<>();
        String javaHome = System.getenv("JAVA_HOME");
        if (javaHome != null && !javaHome.isBlank()) {
            homes.add(Path.of(javaHome));
        }
        homes.add(Path.of(System.getProperty("java.home")));
        for (Path root : List.of(Path.of("/usr/lib/jvm"), Path.of("/opt/java"))) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> children = Files.list(root)) {
                    children.sorted().forEach(homes::add);
                } catch (IOException e) {
                    // an unreadable directory simply holds no JDK we can use
                }
            }
        }
        List<Jdk> found = new ArrayList<>();
        Set<Path> seen = new LinkedHashSet<>();
        for (Path home : homes) {
            inspect(home).filter(jdk -> seen.add(realPath(jdk.home()))).ifPresent(found::add);
        }
        return new JdkLocator(found);
    }

    /** A JDK at this home or java binary, if it is one. */
    public static Optional<Jdk> inspect(Path homeOrBinary) {
        Path home = homeOrBinary.endsWith(Path.of("bin", "java"))
                ? homeOrBinary.getParent().getParent()
                : homeOrBinary;
        Path release = home.resolve("release");
        if (!Files.isExecutable(home.resolve("bin").resolve("java")) || !Files.isReadable(release)) {
            return Optional.empty();
        }
        try {
            Matcher m = JAVA_VERSION.matcher(Files.readString(release, StandardCharsets.UTF_8));
            if (!m.find()) {
                return Optional.empty();
            }
            int first = Integer.parseInt(m.group(1));
            // "1.8.0" is Java 8
            int feature = first == 1 && m.group(2) != null ? Integer.parseInt(m.group(2)) : first;
            return Optional.of(new Jdk(home, feature));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The JDK for a server: the one named by {@code overrideVariable} if set, else the newest installed JDK in
     * [min, max]. The error lists what was found and how to fix it.
     */
    public Jdk select(String server, int min, int max, String overrideVariable, String overrideValue) {
        if (overrideValue != null && !overrideValue.isBlank()) {
            Jdk jdk = inspect(Path.of(overrideValue.trim()))
                    .orElseThrow(() -> new StackException(overrideVariable + "=" + overrideValue
                            + " is not a JDK home or java binary: point it at a JDK " + range(min, max) + "."));
            if (jdk.version() < min || jdk.version() > max) {
                throw new StackException(server + " needs a JDK " + range(min, max) + ", but " + overrideVariable
                        + " points at Java " + jdk.version() + ": point it at another JDK.");
            }
            return jdk;
        }
        return installed.stream()
                .filter(jdk -> jdk.version() >= min && jdk.version() <= max)
                .max(Comparator.comparingInt(Jdk::version))
                .orElseThrow(() ->
                        new StackException(server + " needs a JDK " + range(min, max) + ", and none is installed ("
                                + describeInstalled() + "). Install one under /usr/lib/jvm, or set " + overrideVariable
                                + " to its home."));
    }

    private String describeInstalled() {
        if (installed.isEmpty()) {
            return "no JDK found in JAVA_HOME or /usr/lib/jvm";
        }
        return "found: "
                + installed.stream()
                        .map(jdk -> jdk.home() + " (Java " + jdk.version() + ")")
                        .collect(Collectors.joining(", "));
    }

    private static String range(int min, int max) {
        return max == Integer.MAX_VALUE ? min + " or newer" : "from " + min + " to " + max;
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path;
        }
    }
}
