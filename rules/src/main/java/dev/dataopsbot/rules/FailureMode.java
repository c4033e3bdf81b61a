package dev.dataopsbot.rules;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The failure-mode taxonomy of {@code failure-modes.md}. Rules, runbooks, the JSON output and the
 * incident store all use {@link #id()} verbatim.
 */
public enum FailureMode {
    CREDENTIAL_EXPIRY("credential_expiry"),
    PERMISSION_DENIED("permission_denied"),
    SCHEMA_DRIFT("schema_drift"),
    UPSTREAM_LAG("upstream_lag"),
    DATA_QUALITY("data_quality"),
    RESOURCE_EXHAUSTION("resource_exhaustion"),
    TIMEOUT("timeout"),
    RATE_LIMIT("rate_limit"),
    DEPENDENCY_UNAVAILABLE("dependency_unavailable"),
    CODE_DEFECT("code_defect"),
    CONFIG_ERROR("config_error"),
    LOCK_CONTENTION("lock_contention"),
    ORCHESTRATOR_FAILURE("orchestrator_failure"),
    PII_EXPOSURE("pii_exposure"),
    UNKNOWN("unknown");

    private final String id;

    FailureMode(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<FailureMode> fromId(String id) {
        return Arrays.stream(values()).filter(mode -> mode.id.equals(id)).findFirst();
    }

    /** Every id of the taxonomy, {@code unknown} included, in taxonomy order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(FailureMode::id).toList();
    }
}
