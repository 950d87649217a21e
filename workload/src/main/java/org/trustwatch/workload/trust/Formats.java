package org.trustwatch.workload.trust;

/**
 * The log formats a school's systems write, by the names the parsers, {@code detect} and the connectors use, and
 * where each school's file of that format goes under {@code logs/<school>/}.
 */
public enum Formats {
    SQUID("squid", "squid/access.log"),
    W3C("w3c", "w3c/proxysg-main.log"),
    POSTFIX("postfix", "postfix/maillog"),
    M365_TRACE("m365-trace", "m365-trace/message-trace.csv"),
    WINLOGBEAT("winlogbeat", "winlogbeat/security.ndjson"),
    MDM("mdm", "mdm/device-actions.jsonl"),
    REPORTS("reports", "reports/self-reports.jsonl");

    private final String formatName;
    private final String file;

    Formats(String formatName, String file) {
        this.formatName = formatName;
        this.file = file;
    }

    public String formatName() {
        return formatName;
    }

    /** The file's path under the school's log directory. */
    public String file() {
        return file;
    }
}
