package org.trustwatch.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

    /**
     * The start of a command that runs a main class of the Kafka distribution (broker, Connect): the common options,
     * a log4j2 file that writes {@code logFile}, and the distribution's jars as the class path.
     */
    static List<String> kafkaDistribution(
            StackSettings settings, Jdk jdk, String heap, ServerProcess process, Path serverDir, Path logFile)
            throws IOException {
        Path lib = Distributions.kafkaLib(settings);
        Path logs = Files.createDirectories(logFile.getParent());
        Path log4j = serverDir.resolve("log4j2.properties");
        Files.writeString(log4j, log4j2File(logFile), StandardCharsets.UTF_8);
        List<String> command = common(jdk, heap, process, serverDir);
        command.add("-Dkafka.logs.dir=" + logs);
        command.add("-Dlog4j2.configurationFile=" + log4j);
        command.add("-cp");
        command.add(lib + "/*");
        return command;
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
