package org.trustwatch.streams.settings;

import java.util.List;

/** A settings file with problems: every one of them, each as {@code file: key: reason}. */
public final class SettingsException extends RuntimeException {

    private final List<String> problems;

    public SettingsException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
