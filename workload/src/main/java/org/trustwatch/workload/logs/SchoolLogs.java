package org.trustwatch.workload.logs;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.trustwatch.workload.trust.Formats;
import org.trustwatch.workload.trust.School;
import org.trustwatch.workload.trust.Trust;

/**
 * The log files of one school, under {@code logs/<school>/}: its proxy, mail, Winlogbeat, MDM and self-report logs.
 * What a day produces is buffered and written in time order at the end of the day.
 */
public final class SchoolLogs implements AutoCloseable {

    private final School school;
    private final Map<Formats, LogFile> files = new EnumMap<>(Formats.class);
    private final ProxyLog proxy;
    private final MailLog mail;
    private final WinlogbeatLog endpoint;
    private final MdmLog mdm;
    private final ReportLog reports;

    public SchoolLogs(Path dir, Trust trust, School school, ZoneId zone, long firstDay, SplittableRandom random) {
        this.school = school;
        TimeText time = new TimeText(zone);
        for (Formats format : school.formats()) {
            files.put(format, new LogFile(dir.resolve(relativePath(school, format))));
        }
        this.proxy = school.proxyFormat() == Formats.SQUID
                ? new SquidLog(files.get(Formats.SQUID), time)
                : new W3cLog(files.get(Formats.W3C), time, school.id() + "-PROXY-01", school.ip(0, 2), firstDay);
        this.mail = school.mailFormat() == Formats.POSTFIX
                ? new PostfixLog(files.get(Formats.POSTFIX), time, school, trust, random.split())
                : new M365TraceLog(files.get(Formats.M365_TRACE), time, trust, random.split());
        this.endpoint = new WinlogbeatLog(
                files.get(Formats.WINLOGBEAT), time, trust.adNetbios(), trust.adDomain(), random.split());
        this.mdm = new MdmLog(files.get(Formats.MDM), time);
        this.reports = new ReportLog(files.get(Formats.REPORTS), time);
    }

    /** Where a school's log of a format goes, relative to the output directory (manifest.csv's path). */
    public static String relativePath(School school, Formats format) {
        return "logs/" + school.id() + "/" + format.file();
    }

    public School school() {
        return school;
    }

    public ProxyLog proxy() {
        return proxy;
    }

    public MailLog mail() {
        return mail;
    }

    public WinlogbeatLog endpoint() {
        return endpoint;
    }

    public MdmLog mdm() {
        return mdm;
    }

    public ReportLog reports() {
        return reports;
    }

    /** Starts a day whose events are all at or after {@code midnight}. */
    public void startDay(long midnight) {
        files.values().forEach(f -> f.startDay(midnight));
    }

    /** Writes the day's lines of every file, in time order. */
    public void endDay() {
        files.values().forEach(LogFile::endDay);
    }

    /** Lines written per format so far. */
    public Map<Formats, long[]> counts() {
        Map<Formats, long[]> counts = new LinkedHashMap<>();
        files.forEach((format, file) -> counts.put(format, new long[] {file.lines(), file.events()}));
        return counts;
    }

    @Override
    public void close() {
        files.values().forEach(LogFile::close);
    }
}
