package org.trustwatch.elastic.index;

/** The index layer cannot be installed as it is: the message says what is wrong and what to do. */
public final class IndexLayerException extends RuntimeException {

    public IndexLayerException(String message) {
        super(message);
    }

    public IndexLayerException(String message, Throwable cause) {
        super(message, cause);
    }
}
