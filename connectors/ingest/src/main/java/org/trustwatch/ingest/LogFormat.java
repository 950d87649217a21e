package org.trustwatch.ingest;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.trustwatch.ingest.endpoint.EvtxJsonParser;
import org.trustwatch.ingest.endpoint.MdmParser;
import org.trustwatch.ingest.endpoint.NxlogParser;
import org.trustwatch.ingest.endpoint.WinlogbeatParser;
import org.trustwatch.ingest.mail.M365TraceParser;
import org.trustwatch.ingest.mail.PostfixParser;
import org.trustwatch.ingest.proxy.E2guardianParser;
import org.trustwatch.ingest.proxy.SquidParser;
import org.trustwatch.ingest.proxy.W3cParser;
import org.trustwatch.ingest.report.SelfReportParser;

/** The input formats, by the names people use on the command line and in connector settings. */
public enum LogFormat {
    SQUID("squid", Family.PROXY, SquidParser::new),
    W3C("w3c", Family.PROXY, W3cParser::new),
    E2GUARDIAN("e2guardian", Family.PROXY, E2guardianParser::new),
    POSTFIX("postfix", Family.MAIL, PostfixParser::new),
    M365_TRACE("m365-trace", Family.MAIL, M365TraceParser::new),
    WINLOGBEAT("winlogbeat", Family.ENDPOINT, WinlogbeatParser::new),
    NXLOG("nxlog", Family.ENDPOINT, NxlogParser::new),
    EVTX_JSON("evtx-json", Family.ENDPOINT, EvtxJsonParser::new),
    MDM("mdm", Family.ENDPOINT, MdmParser::new),
    REPORTS("reports", Family.REPORTS, SelfReportParser::new);

    /** Which events a format yields, and so which topic they go to. */
    public enum Family {
        PROXY("events.proxy"),
        MAIL("events.mail"),
        ENDPOINT("events.endpoint"),
        REPORTS("reports.incident");

        private final String defaultTopic;

        Family(String defaultTopic) {
            this.defaultTopic = defaultTopic;
        }

        public String defaultTopic() {
            return defaultTopic;
        }
    }

    private final String formatName;
    private final Family family;
    private final Function<ParseContext, LogParser> factory;

    LogFormat(String formatName, Family family, Function<ParseContext, LogParser> factory) {
        this.formatName = formatName;
        this.family = family;
        this.factory = factory;
    }

    public String formatName() {
        return formatName;
    }

    public Family family() {
        return family;
    }

    /** A new parser for one stream of this format. */
    public LogParser newParser(ParseContext context) {
        return factory.apply(context);
    }

    /** The format of this name; the error lists the valid names. */
    public static LogFormat named(String name) {
        return Arrays.stream(values())
                .filter(format -> format.formatName.equals(name))
                .findFirst()
                .orElseThrow(
                        () -> new IllegalArgumentException("unknown format '" + name + "': use one of " + names()));
    }

    public static String names() {
        return Arrays.stream(values()).map(LogFormat::formatName).collect(Collectors.joining(", "));
    }
}
