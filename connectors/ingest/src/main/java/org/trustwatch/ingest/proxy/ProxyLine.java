package org.trustwatch.ingest.proxy;

/**
 * The start of a proxy log line, the same for every format: control characters replaced, leading blanks skipped,
 * and (where the format may arrive through syslog) a syslog header taken off.
 */
final class ProxyLine {

    private final SyslogPrefix syslog = new SyslogPrefix();
    private final boolean syslogHeaders;

    /** The line with control characters replaced by spaces. */
    String text;
    /** Index of the first character of the format's own fields. */
    int start;
    /** The host of the syslog header, lower case, or null. */
    String observer;

    /** @param syslogHeaders whether a syslog header may stand before the format's fields */
    ProxyLine(boolean syslogHeaders) {
        this.syslogHeaders = syslogHeaders;
    }

    /** Reads the start of a line; false when the line holds no fields (blank, or a {@code #} comment/directive). */
    boolean read(String original) {
        text = Text.withoutControls(original);
        observer = null;
        int length = text.length();
        int i = 0;
        while (i < length && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        start = i;
        if (i == length || text.charAt(i) == '#') {
            return false;
        }
        char first = text.charAt(i);
        boolean digit = first >= '0' && first <= '9';
        // an epoch or dotted date starts the fields; a month name, '<' or an ISO date with '-' starts a syslog header
        if (syslogHeaders && (!digit || (i + 10 < length && text.charAt(i + 4) == '-')) && syslog.parse(text, i)) {
            observer = syslog.host;
            start = syslog.messageStart;
        }
        return true;
    }

    /** Whether the line just read is a {@code #} comment or directive. */
    boolean isDirective() {
        return start < text.length() && text.charAt(start) == '#';
    }
}
