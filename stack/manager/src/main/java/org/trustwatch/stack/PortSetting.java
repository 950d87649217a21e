package org.trustwatch.stack;

/** A port a server listens on, with the variable that moves it: the error for a taken port names both. */
public record PortSetting(String variable, int port, String purpose) {}
