package org.trustwatch.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the JVM itself did over a stretch of a benchmark: time its JIT spent compiling and its collectors' pauses. A
 * drain whose JIT is still compiling, or whose collector stops the stream threads, measures the JVM as much as the
 * app; the figures say which it was.
 */
final class JvmWork {

    private final long compileMillis;
    private final Map<String, long[]> collections;

    private JvmWork(long compileMillis, Map<String, long[]> collections) {
        this.compileMillis = compileMillis;
        this.collections = collections;
    }

    static JvmWork now() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long compile = jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
        Map<String, long[]> collections = new LinkedHashMap<>();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            collections.put(gc.getName(), new long[] {gc.getCollectionCount(), gc.getCollectionTime()});
        }
        return new JvmWork(compile, collections);
    }

    /** e.g. {@code JIT compiling for 6.8 s; PS MarkSweep 3 collections (1.3 s); PS Scavenge 29 collections (1.2 s)}. */
    String since(JvmWork before) {
        StringBuilder out = new StringBuilder();
        if (compileMillis >= 0 && before.compileMillis >= 0) {
            // elapsed time in the compiler threads, not their CPU: they share the cores with everything else
            out.append(String.format("JIT compiling for %.1f s", (compileMillis - before.compileMillis) / 1e3));
        }
        collections.forEach((name, now) -> {
            long[] then = before.collections.getOrDefault(name, new long[] {0, 0});
            out.append(out.isEmpty() ? "" : "; ")
                    .append(String.format(
                            "%s %d collections (%.1f s)", name, now[0] - then[0], (now[1] - then[1]) / 1e3));
        });
        return out.toString();
    }
}
