package org.trustwatch.workload.plant;

/**
 * The incident categories of the catalogue, C01 to C18, spelt as the Incident schema's enum spells them (a test
 * checks it). The generator writes text only, so it does not load the schema classes (and Avro) for their names.
 */
public enum Category {
    LOST_OR_STOLEN_DEVICE,
    REMOVABLE_MEDIA,
    MISDIRECTED_EMAIL,
    INSECURE_TRANSFER,
    INAPPROPRIATE_CONTENT,
    FILTER_BYPASS,
    UNAUTHORISED_ACCESS,
    ACCOUNT_SHARING,
    MALWARE,
    HACKING_TOOLS,
    UNAUTHORISED_SOFTWARE_OR_HARDWARE,
    UNAPPROVED_CLOUD_STORAGE,
    MASS_EMAIL,
    SAFEGUARDING_CONTACT,
    EXCESSIVE_PERSONAL_USE,
    EMAIL_IMPERSONATION,
    DATA_DISCLOSURE,
    SELF_REPORTED
}
