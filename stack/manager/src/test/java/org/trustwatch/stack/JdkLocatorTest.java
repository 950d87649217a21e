package org.trustwatch.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdkLocatorTest {

    @TempDir
    Path jvms;

    @Test
    void readsTheFeatureVersionFromTheReleaseFile() throws IOException {
        assertEquals(
                Optional.of(new Jdk(fakeJdk("jdk-17", "17.0.15"), 17)), JdkLocator.inspect(jvms.resolve("jdk-17")));
        assertEquals(
                8,
                JdkLocator.inspect(fakeJdk("jdk-8", "1.8.0_402")).orElseThrow().version());
        Path binary = fakeJdk("jdk-25", "25.0.3").resolve("bin/java");
        assertEquals(25, JdkLocator.inspect(binary).orElseThrow().version());
        assertEquals(Optional.empty(), JdkLocator.inspect(jvms.resolve("not-a-jdk")));
    }

    @Test
    void picksTheNewestJdkInsideTheServersRange() throws IOException {
        JdkLocator locator = new JdkLocator(List.of(
                new Jdk(fakeJdk("jdk-17", "17.0.15"), 17),
                new Jdk(fakeJdk("jdk-21", "21.0.5"), 21),
                new Jdk(fakeJdk("jdk-25", "25.0.3"), 25)));

        assertEquals(
                21,
                locator.select("elasticsearch", 17, 23, "TRUSTWATCH_ES_JAVA", null)
                        .version());
        assertEquals(
                25,
                locator.select("registry", 21, Integer.MAX_VALUE, "TRUSTWATCH_REGISTRY_JAVA", "")
                        .version());
    }

    @Test
    void whenNoneFitsTheErrorSaysWhatWasFoundAndWhichVariableToSet() throws IOException {
        JdkLocator locator = new JdkLocator(List.of(new Jdk(fakeJdk("jdk-17", "17.0.15"), 17)));

        StackException e = assertThrows(
                StackException.class,
                () -> locator.select("registry", 21, Integer.MAX_VALUE, "TRUSTWATCH_REGISTRY_JAVA", null));

        assertTrue(
                e.getMessage().startsWith("registry needs a JDK 21 or newer, and none is installed"), e.getMessage());
        assertTrue(e.getMessage().contains("jdk-17 (Java 17)"), e.getMessage());
        assertTrue(e.getMessage().contains("set TRUSTWATCH_REGISTRY_JAVA"), e.getMessage());
    }

    @Test
    void anOverrideOutsideTheRangeIsRefused() throws IOException {
        Path jdk25 = fakeJdk("jdk-25", "25.0.3");
        JdkLocator locator = new JdkLocator(List.of());

        StackException e = assertThrows(
                StackException.class,
                () -> locator.select("elasticsearch", 17, 23, "TRUSTWATCH_ES_JAVA", jdk25.toString()));

        assertTrue(
                e.getMessage().contains("needs a JDK from 17 to 23, but TRUSTWATCH_ES_JAVA points at Java 25"),
                e.getMessage());
    }

    private Path fakeJdk(String name, String version) throws IOException {
        Path home = Files.createDirectories(jvms.resolve(name));
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
        return home;
    }
}
