package org.trustwatch.connect.source;

/**
 * Turns a syslog message as received over the network into the line the file parsers read: the {@code <PRI>} is
 * dropped, an RFC 5424 header is rewritten in the file style ({@code time host app[pid]: msg}), and for formats whose
 * files hold only the message (Squid, W3C, e2guardian) the whole syslog header goes.
 */
final class SyslogFrames {

    private SyslogFrames() {}

    static String toLogLine(String message, boolean keepHeader) {
        String line = stripPriority(message);
        if (line.startsWith("1 ")) {
            line = rfc5424ToFileStyle(line.substring(2));
        }
        return keepHeader ? line : messageOnly(line);
    }

    private static String stripPriority(String message) {
        if (message.startsWith("<")) {
            int close = message.indexOf('>');
            if (close > 1 && close <= 4) {
                return message.substring(close + 1);
            }
        }
        return message;
    }

    /** {@code TIMESTAMP HOST APP PROCID MSGID SD MSG} to {@code TIMESTAMP HOST APP[PROCID]: MSG}. */
    private static String rfc5424ToFileStyle(String rest) {
        String[] parts = rest.split(" ", 6);
        if (parts.length < 6) {
            return rest;
        }
        String message = parts[5];
        if (message.startsWith("[")) {
            int end = message.indexOf("] ");
            message = end >= 0 ? message.substring(end + 2) : message;
        } else if (message.startsWith("- ")) {
            message = message.substring(2);
        } else if (message.equals("-")) {
            message = "";
        }
        if (message.startsWith("\uFEFF")) {
            message = message.substring(1); // RFC 5424 MSG-UTF8 starts with a BOM; the file style has none
        }
        String app = "-".equals(parts[3]) ? parts[2] : parts[2] + "[" + parts[3] + "]";
        return parts[0] + " " + parts[1] + " " + app + ": " + message;
    }

    /** The message after {@code host tag: }, for formats whose files have no syslog header. */
    private static String messageOnly(String line) {
        int colon = line.indexOf(": ");
        return colon >= 0 ? line.substring(colon + 2) : line;
    }
}
