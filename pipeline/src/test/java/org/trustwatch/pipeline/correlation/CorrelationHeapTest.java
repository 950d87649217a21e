package org.trustwatch.pipeline.correlation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trustwatch.pipeline.PipelineException;

class CorrelationHeapTest {

    @Test
    void withoutTheVariableTheAppGetsTwoGigabytes() {
        assertEquals("2g", CorrelationProcess.heap(Map.of()));
        assertEquals("2g", CorrelationProcess.heap(Map.of("TRUSTWATCH_CORRELATION_HEAP", "  ")));
    }

    @Test
    void anOperatorsSizeIsPassedOn() {
        assertEquals("3g", CorrelationProcess.heap(Map.of("TRUSTWATCH_CORRELATION_HEAP", "3g")));
        assertEquals("1536m", CorrelationProcess.heap(Map.of("TRUSTWATCH_CORRELATION_HEAP", " 1536m ")));
    }

    @Test
    void aValueThatIsNoSizeIsRefusedWithTheVariableAndAnExample() {
        PipelineException e = assertThrows(
                PipelineException.class, () -> CorrelationProcess.heap(Map.of("TRUSTWATCH_CORRELATION_HEAP", "2 GB")));

        assertTrue(e.getMessage().contains("TRUSTWATCH_CORRELATION_HEAP='2 GB'"), e.getMessage());
        assertTrue(e.getMessage().contains("e.g. 2g"), e.getMessage());
    }
}
