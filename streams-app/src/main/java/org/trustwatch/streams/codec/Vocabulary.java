package org.trustwatch.streams.codec;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One shared copy of each text of a field with few distinct values (a rule's name, a phase, a school id, a log
 * source), so the signals a rule keeps do not each hold their own copy. The rule stage keeps a few hundred thousand
 * decoded signals between commits and in its cache of recent keys; with a copy of every short text per signal they
 * filled the old generation, and the parallel collector stopped the stream threads for 0.4 to 0.7 s several times
 * per drain to compact it.
 *
 * <p>Bounded: a field that turns out to have many values (a trust with thousands of log files) stops being shared
 * once the table is full, instead of growing without end.
 */
public final class Vocabulary {

    private final ConcurrentHashMap<String, String> words = new ConcurrentHashMap<>();
    private final int capacity;

    public Vocabulary(int capacity) {
        this.capacity = capacity;
    }

    /** The shared copy of {@code text} (null stays null). */
    public String share(String text) {
        if (text == null) {
            return null;
        }
        String shared = words.get(text);
        if (shared != null) {
            return shared;
        }
        if (words.size() >= capacity) {
            return text;
        }
        shared = words.putIfAbsent(text, text);
        return shared == null ? text : shared;
    }

    int size() {
        return words.size();
    }
}
