package dev.dataopsbot.rules;

import java.util.ArrayList;
import java.util.List;

/** The bundled DRL files: one per failure mode, then precedence and taxonomy rules. */
final class BundledRules {

    static final List<String> FILES;

    static {
        List<String> files = new ArrayList<>();
        for (FailureMode mode : FailureMode.values()) {
            if (mode != FailureMode.UNKNOWN) {
                files.add(mode.id() + ".drl");
            }
        }
        files.add("catalogue.drl");
        files.add("precedence.drl");
        files.add("taxonomy.drl");
        files.add("retry.drl");
        FILES = List.copyOf(files);
    }

    private BundledRules() {
    }
}
