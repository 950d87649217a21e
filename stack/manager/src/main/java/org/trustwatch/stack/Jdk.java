package org.trustwatch.stack;

import java.nio.file.Path;

/** An installed JDK: its home and its feature version (17, 21, 25 ...). */
public record Jdk(Path home, int version) {

    public String javaCommand() {
        return home.resolve("bin").resolve("java").toString();
    }
}
