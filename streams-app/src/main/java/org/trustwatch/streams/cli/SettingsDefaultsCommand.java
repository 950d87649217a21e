package org.trustwatch.streams.cli;

import org.trustwatch.streams.settings.Settings;

/** {@code trustwatch settings-defaults}: a settings file with every key at the catalogue's default, to edit. */
public final class SettingsDefaultsCommand {

    private SettingsDefaultsCommand() {}

    public static void main(String[] args) {
        System.out.print(Settings.defaultsFile());
    }
}
