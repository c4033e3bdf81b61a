package dev.dataopsbot.bot.cli;

import picocli.CommandLine;

/** The version from the jar manifest (set by the build), "dev" when run from classes. */
public final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"dataops-bot " + (version == null ? "dev" : version)};
    }
}
