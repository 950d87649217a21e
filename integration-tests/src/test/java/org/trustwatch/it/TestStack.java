package org.trustwatch.it;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.trustwatch.stack.LocalStack;
import org.trustwatch.stack.StackSettings;

/**
 * The one local stack of an integration-test run: started on first use with empty data, stopped by
 * {@link StackSessionListener} when the run ends, whether the tests passed or not.
 */
public final class TestStack {

    private static final String[] PORT_VARIABLES = {
        StackSettings.KAFKA_PORT,
        StackSettings.KAFKA_CONTROLLER_PORT,
        StackSettings.REGISTRY_PORT,
        StackSettings.REGISTRY_MANAGEMENT_PORT,
        StackSettings.ES_PORT,
        StackSettings.ES_TRANSPORT_PORT,
        StackSettings.CONNECT_PORT
    };

    private static LocalStack stack;
    private static RuntimeException failedToStart;

    private TestStack() {}

    /**
     * The running stack, started now if this is the first test that needs it. If it could not start,
     * every later test fails at once with that cause, rather than each waiting out its own timeouts
     * against servers that are not there (a CI run once spent 26 minutes so).
     */
    public static synchronized LocalStack get() {
        if (failedToStart != null) {
            throw new IllegalStateException("The test stack failed to start earlier in this run", failedToStart);
        }
        if (stack == null) {
            LocalStack starting = new LocalStack(settings(), System.out);
            try {
                starting.up(true);
            } catch (RuntimeException e) {
                failedToStart = e;
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(TestStack::stop, "stop-test-stack"));
            stack = starting;
        }
        return stack;
    }

    public static StackSettings settings() {
        return StackSettings.of(home(), testVariables());
    }

    /** The checkout, where the build assembled the servers. */
    public static Path home() {
        return Path.of(System.getProperty("trustwatch.home", ".."))
                .toAbsolutePath()
                .normalize();
    }

    /** Stops the stack if this run started it. */
    static synchronized void stop() {
        if (stack != null) {
            stack.down();
            stack = null;
        }
    }

    private static Map<String, String> testVariables() {
        Map<String, String> variables = new HashMap<>(System.getenv());
        for (String variable : PORT_VARIABLES) {
            variables.put(variable, System.getProperty(variable));
        }
        variables.put(StackSettings.DATA_DIR, System.getProperty("trustwatch.it.dataDir", "target/stack"));
        return variables;
    }
}
