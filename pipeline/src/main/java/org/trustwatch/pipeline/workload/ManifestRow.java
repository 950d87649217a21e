package org.trustwatch.pipeline.workload;

import java.nio.file.Path;
import org.trustwatch.ingest.LogFormat;

/**
 * One log of a workload: what an agent is set up with to read it.
 *
 * @param number the row's number in manifest.csv (the header is row 1), which also names its connector
 * @param schoolId the school whose log this is, or null when the events place themselves (mixed logs, MDM, reports)
 * @param file the log, absolute
 */
public record ManifestRow(long number, LogFormat format, String schoolId, Path file) {}
