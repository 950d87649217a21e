package org.elasticsearch.io.ansi;

import java.util.function.Supplier;

/**
 * Stands in for Elasticsearch's {@code lib/tools/ansi-console}, which is not published on Maven Central.
 *
 * <p>The server only asks it for a colour console on an interactive terminal. Our nodes always run
 * detached with their output in log files, where the real loader would also answer "no console".
 */
public class AnsiConsoleLoader implements Supplier<Object> {

    @Override
    public Object get() {
        return null;
    }
}
