package org.trustwatch.pipeline;

/** Stops a pipeline run. The message says what was wrong, where, and what to do about it. */
public final class PipelineException extends RuntimeException {

    public PipelineException(String message) {
        super(message);
    }

    public PipelineException(String message, Throwable cause) {
        super(message, cause);
    }
}
