package org.trustwatch.stack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A single Elasticsearch node assembled from Maven Central jars (see stack/servers/elasticsearch). It has the HTTP
 * module only: no x-pack, no painless, which is what the index layer is designed for.
 */
public final class ElasticsearchNode extends Server {

    public static final String NAME = "elasticsearch";
    static final String CLUSTER_NAME = "trustwatch";

    /** Elasticsearch prints this character on stderr once it serves requests. */
    private static final char SERVER_READY = '\u0018';

    /** Elasticsearch will not run as root; as root the node runs as nobody:nogroup. */
    private static final int UNPRIVILEGED_ID = 65534;

    public ElasticsearchNode(StackSettings settings) {
        super(NAME, settings);
    }

    @Override
    public List<PortSetting> ports() {
        return List.of(settings.esPort(), settings.esTransportPort());
    }

    @Override
    public String url() {
        return settings.elasticsearchUrl();
    }

    @Override
    public Path logFile() {
        return dir().resolve("logs").resolve(CLUSTER_NAME + ".log");
    }

    @Override
    public JdkNeed jdkNeed() {
        // 8.17 runs under the Java SecurityManager, which Java 24 removed
        return new JdkNeed(17, 23, "TRUSTWATCH_ES_JAVA");
    }

    @Override
    protected Process launch(Jdk jdk) throws IOException {
        Path esHome = Distributions.elasticsearchHome(settings);
        // the node refuses to start without these, though it finds nothing it needs in them
        Files.createDirectories(esHome.resolve("bin"));
        Files.createDirectories(esHome.resolve("plugins"));
        Path data = Files.createDirectories(dir().resolve("data"));
        Path logs = Files.createDirectories(dir().resolve("logs"));
        Path tmp = Files.createDirectories(dir().resolve("tmp"));
        Path stdout = dir().resolve("stdout.log");
        if (!Files.exists(stdout)) {
            Files.createFile(stdout);
        }

        List<String> command = new ArrayList<>();
        if (runningAsRoot()) {
            for (Path owned : List.of(dir(), data, logs, tmp, stdout)) {
                chownTree(owned);
            }
            List<String> dropPrivileges = List.of(
                    "setpriv", "--reuid=" + UNPRIVILEGED_ID, "--regid=" + UNPRIVILEGED_ID, "--clear-groups", "--");
            requireAccess(dropPrivileges, esHome.resolve("lib"), "-r");
            requireAccess(dropPrivileges, data, "-w");
            command.addAll(dropPrivileges);
        }
        command.addAll(JvmOptions.common(jdk, settings.value("TRUSTWATCH_ES_HEAP", "1g"), process, dir()));
        command.addAll(List.of(
                "-Djava.io.tmpdir=" + tmp,
                "-Des.path.home=" + esHome,
                "-Des.distribution.type=tar",
                "-Des.networkaddress.cache.ttl=60",
                "-Des.networkaddress.cache.negative.ttl=10",
                "-Djava.security.manager=allow",
                "-Djava.locale.providers=CLDR",
                "-Djna.nosys=true",
                "-Xss1m",
                "-XX:-OmitStackTraceInFastThrow",
                "-Dio.netty.noUnsafe=true",
                "-Dio.netty.noKeySetOptimization=true",
                "-Dio.netty.recycler.maxCapacityPerThread=0",
                "-Dlog4j.shutdownHookEnabled=false",
                "-Dlog4j2.disable.jmx=true",
                "-Dlog4j2.formatMsgNoLookups=true",
                "--module-path",
                esHome.resolve("lib").toString(),
                "--add-modules=jdk.net",
                "--add-modules=ALL-MODULE-PATH",
                "-m",
                "org.elasticsearch.server/org.elasticsearch.bootstrap.Elasticsearch"));

        // the node checks that native code may unpack into a directory of its own
        Process node = process.startTalking(command, esHome, stdout, Map.of("LIBFFI_TMPDIR", tmp.toString()));
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> readUntilReady(node));
        try (OutputStream stdin = node.getOutputStream()) {
            stdin.write(ElasticsearchServerArgs.encode(
                    dir().resolve("es.pid").toString(),
                    nodeSettings(esHome, data, logs),
                    esHome.resolve("config").toString(),
                    logs.toString()));
        } catch (IOException e) {
            // the node died before reading its arguments; its stderr below says why
        }
        awaitReady(node, ready);
        return node;
    }

    private void awaitReady(Process node, CompletableFuture<String> ready) {
        try {
            String stderr = ready.get(settings.startTimeout().toSeconds(), TimeUnit.SECONDS);
            if (stderr != null) {
                node.destroyForcibly();
                throw new StackException("Elasticsearch stopped before it was ready. It said:\n  "
                        + stderr.strip().replace("\n", "\n  "));
            }
        } catch (TimeoutException e) {
            node.destroyForcibly();
            throw new StackException("Elasticsearch was not ready after "
                    + settings.startTimeout().toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            node.destroyForcibly();
            throw new StackException("Interrupted while waiting for Elasticsearch", e);
        } catch (ExecutionException e) {
            node.destroyForcibly();
            throw new StackException("Could not read Elasticsearch's output: " + e.getMessage(), e);
        }
    }

    /** Reads stderr until the ready marker: null when it came, else everything the node said before it died. */
    private static String readUntilReady(Process node) {
        StringBuilder said = new StringBuilder();
        try (BufferedReader stderr =
                new BufferedReader(new InputStreamReader(node.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = stderr.readLine()) != null) {
                if (line.indexOf(SERVER_READY) >= 0) {
                    return null;
                }
                said.append(line).append('\n');
            }
        } catch (IOException e) {
            said.append(e.getMessage());
        }
        return said.toString();
    }

    private Map<String, String> nodeSettings(Path esHome, Path data, Path logs) {
        Map<String, String> nodeSettings = new LinkedHashMap<>();
        nodeSettings.put("path.home", esHome.toString());
        nodeSettings.put("path.data", data.toString());
        nodeSettings.put("path.logs", logs.toString());
        nodeSettings.put("cluster.name", CLUSTER_NAME);
        nodeSettings.put("node.name", "trustwatch-1");
        nodeSettings.put("network.host", StackSettings.HOST);
        nodeSettings.put("http.port", Integer.toString(settings.esPort().port()));
        nodeSettings.put(
                "transport.port", Integer.toString(settings.esTransportPort().port()));
        nodeSettings.put("discovery.type", "single-node");
        // a developer's nearly full disk must not turn every index read-only
        nodeSettings.put("cluster.routing.allocation.disk.threshold_enabled", "false");
        return nodeSettings;
    }

    @Override
    public boolean healthy() {
        // the node answers 405 on "/" (no x-pack info API); cluster health is the readiness check
        return Probes.httpStatus(url() + "/_cluster/health?wait_for_status=yellow&timeout=1s") == 200;
    }

    private static boolean runningAsRoot() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return Integer.valueOf(0).equals(uid);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    private static void chownTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                chown(dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                chown(file);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void chown(Path path) throws IOException {
        if (!Integer.valueOf(UNPRIVILEGED_ID).equals(Files.getAttribute(path, "unix:uid"))) {
            Files.setAttribute(path, "unix:uid", UNPRIVILEGED_ID);
            Files.setAttribute(path, "unix:gid", UNPRIVILEGED_ID);
        }
    }

    private void requireAccess(List<String> dropPrivileges, Path path, String testFlag) throws IOException {
        List<String> test = new ArrayList<>(dropPrivileges);
        test.addAll(List.of("test", testFlag, path.toString()));
        try {
            if (new ProcessBuilder(test).start().waitFor() != 0) {
                throw new StackException("Elasticsearch refuses to run as root, so the stack runs it as uid "
                        + UNPRIVILEGED_ID + ", which cannot " + ("-r".equals(testFlag) ? "read " : "write ") + path
                        + ". What to do: make every directory above it traversable (chmod o+x), or set "
                        + StackSettings.DATA_DIR + " to a directory outside a private home.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while checking directory access for Elasticsearch", e);
        }
    }
}
