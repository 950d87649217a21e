package org.trustwatch.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The JVM options every server of the stack starts with. */
final class JvmOptions {

    private JvmOptions() {}

    static List<String> common(Jdk jdk, String heap, ServerProcess process, Path serverDir) {
        List<String> options = new ArrayList<>();
        options.add(jdk.javaCommand());
        options.add(process.marker());
        options.add("-Xms" + heap);
        options.add("-Xmx" + heap);
        options.add("-XX:+UseG1GC");
        options.add("-XX:MaxGCPauseMillis=20");
        options.add("-XX:+ExitOnOutOfMemoryError");
        options.add("-XX:ErrorFile=" + serverDir.resolve("hs_err_pid%p.log"));
        options.add("-Djava.awt.headless=true");
        options.add("-Dfile.encoding=UTF-8");
        return options;
    }

    /** A log4j2 configuration that writes one rolling file, as Kafka's and Connect's own scripts set up. */
    static String log4j2File(Path logFile) {
        String pattern = logFile.getFileName().toString().replace(".log", "-%i.log.gz");
        return """
                status = warn
                appender.file.type = RollingFile
                appender.file.name = FILE
                appender.file.fileName = %s
                appender.file.filePattern = %s
                appender.file.layout.type = PatternLayout
                appender.file.layout.pattern = [%%d] %%p %%m (%%c)%%n
                appender.file.policies.type = Policies
                appender.file.policies.size.type = SizeBasedTriggeringPolicy
                appender.file.policies.size.size = 64MB
                appender.file.strategy.type = DefaultRolloverStrategy
                appender.file.strategy.max = 4
                rootLogger.level = INFO
                rootLogger.appenderRef.file.ref = FILE
                logger.state.name = state.change.logger
                logger.state.level = WARN
                """
                .formatted(logFile, logFile.resolveSibling(pattern));
    }
}
