package org.trustwatch.stack;

/** A failure a person must act on: the message says what went wrong, where, and what to do. */
public final class StackException extends RuntimeException {

    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
