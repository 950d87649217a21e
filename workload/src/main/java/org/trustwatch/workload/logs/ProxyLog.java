package org.trustwatch.workload.logs;

/** A school's web proxy log, in whatever format that proxy writes. */
public interface ProxyLog {

    void request(WebRequest r);
}
