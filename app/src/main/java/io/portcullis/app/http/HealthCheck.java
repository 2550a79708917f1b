package io.portcullis.app.http;

/**
 * One readiness condition: {@code /health/ready} answers 200 only when all conditions hold. Called on HTTP threads;
 * must be quick and must not block for long.
 */
public interface HealthCheck {
    /** The condition's name in the health report, e.g. {@code database}. */
    String name();

    /** Null when healthy, else what is wrong (shown to operators). */
    String problem();
}
