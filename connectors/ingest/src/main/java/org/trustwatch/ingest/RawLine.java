package org.trustwatch.ingest;

/**
 * One line of a log as read: its text (without the line break), the file it came from, its number in that file
 * (from 1) and the byte position where it starts, which the connectors store as their offset.
 */
public record RawLine(String text, String file, long lineNumber, long position) {

    /** A line that did not come from a file, e.g. one received over syslog. */
    public static RawLine of(String text, String source, long lineNumber) {
        return new RawLine(text, source, lineNumber, -1);
    }
}
