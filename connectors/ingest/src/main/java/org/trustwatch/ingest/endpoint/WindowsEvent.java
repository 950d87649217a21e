package org.trustwatch.ingest.endpoint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the three Windows JSON readers (Winlogbeat, NXLog, evtx_dump) extract from one event, in one shape, for
 * {@link WindowsEventMapper}. One instance per parser, cleared for every event (no per-line allocation).
 */
final class WindowsEvent {

    /** When the event happened. */
    Instant time;

    /** The event id as digits, e.g. "4625". */
    String eventId;

    /** Provider (source) name, e.g. Microsoft-Windows-Security-Auditing, MsiInstaller. */
    String provider;

    /** Channel (log) name, e.g. Security, Microsoft-Windows-Sysmon/Operational. */
    String channel;

    /** The computer the event happened on. */
    String computer;

    /** The host that collected or forwarded it (Winlogbeat agent, NXLog/Logstash sender), if known. */
    String collector;

    /** Addresses of the computer (Winlogbeat add_host_metadata), already validated. */
    final List<String> hostIps = new ArrayList<>(4);

    /** success / failure from the audit keywords, when the source says. */
    String auditOutcome;

    /** The account in the event's System/Security element: SID, and the name when the collector resolved it. */
    String userSid;

    String userName;
    String userDomain;

    /** The rendered message, read only for the few events whose data says nothing without it (MsiInstaller). */
    String message;

    /** Named event data (EventData / UserData / NXLog top-level fields), only the names the mapper reads. */
    final Map<String, String> data = new HashMap<>(64);

    /** Unnamed event data strings in order (MsiInstaller; Winlogbeat's param1, param2 ...). */
    final List<String> dataStrings = new ArrayList<>(8);

    /** Fields an Elasticsearch ingest pipeline already extracted (Winlogbeat documents exported from Elasticsearch). */
    String ecsUserName;

    String ecsUserDomain;
    String ecsSourceIp;
    String ecsSourceDomain;
    String ecsProcessExecutable;
    String ecsProcessName;
    String ecsParentName;
    String ecsHashSha256;
    String ecsOutcome;

    void clear() {
        time = null;
        eventId = null;
        provider = null;
        channel = null;
        computer = null;
        collector = null;
        hostIps.clear();
        auditOutcome = null;
        userSid = null;
        userName = null;
        userDomain = null;
        message = null;
        data.clear();
        dataStrings.clear();
        ecsUserName = null;
        ecsUserDomain = null;
        ecsSourceIp = null;
        ecsSourceDomain = null;
        ecsProcessExecutable = null;
        ecsProcessName = null;
        ecsParentName = null;
        ecsHashSha256 = null;
        ecsOutcome = null;
    }

    /** Stores a named data value if the mapper reads that name. */
    void putData(String name, String value) {
        if (value != null && WindowsEventMapper.DATA_NAMES.contains(name)) {
            data.put(name, value);
        }
    }

    String get(String name) {
        return data.get(name);
    }

    /** The value of a name some collectors write differently (Defender's "Threat Name" / "ThreatName"). */
    String get(String name, String alternative) {
        String v = data.get(name);
        return v != null ? v : data.get(alternative);
    }

    /** The i-th unnamed data string (from 0), falling back to Winlogbeat's param{i+1}. */
    String dataString(int i) {
        if (i < dataStrings.size()) {
            return dataStrings.get(i);
        }
        return data.get("param" + (i + 1));
    }

    /**
     * Sets {@link #auditOutcome} from Windows keywords: a hex string ({@code 0x8010000000000000}) or the signed
     * decimal NXLog writes ({@code -9218868437227405312}).
     */
    void keywords(String keywords) {
        if (keywords == null) {
            return;
        }
        String k = keywords.strip();
        long v;
        try {
            if (k.length() > 2 && k.charAt(0) == '0' && (k.charAt(1) == 'x' || k.charAt(1) == 'X')) {
                v = Long.parseUnsignedLong(k.substring(2), 16);
            } else {
                v = Long.parseLong(k);
            }
        } catch (NumberFormatException e) {
            return;
        }
        if ((v & 0x0010000000000000L) != 0) {
            auditOutcome = "failure";
        } else if ((v & 0x0020000000000000L) != 0) {
            auditOutcome = "success";
        }
    }

    /** Sets {@link #auditOutcome} from a keyword name (Winlogbeat "Audit Failure", NXLog "AUDIT_FAILURE"). */
    void keywordName(String name) {
        if (name == null) {
            return;
        }
        String k = name.strip();
        if (k.equalsIgnoreCase("Audit Failure") || k.equalsIgnoreCase("AUDIT_FAILURE")) {
            auditOutcome = "failure";
        } else if (k.equalsIgnoreCase("Audit Success") || k.equalsIgnoreCase("AUDIT_SUCCESS")) {
            auditOutcome = "success";
        }
    }
}
