package org.trustwatch.ingest.reference;

/** Why one row of a reference file is refused; reported with the file and row, the row is skipped. */
final class BadRow extends Exception {

    BadRow(String reason) {
        super(reason, null, false, false);
    }
}
