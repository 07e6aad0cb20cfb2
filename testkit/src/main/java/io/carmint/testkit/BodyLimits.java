package io.carmint.testkit;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * How request bodies are read: the largest accepted, and the slowest average rate accepted once {@code grace} has
 * passed (0: any rate; Jetty's idle timeout still bounds a stalled one), timed by {@code nanoTime} (the system's
 * monotonic clock; a hand-set one in tests).
 */
record BodyLimits(long maxRequestBytes, long minBytesPerSecond, Duration grace, LongSupplier nanoTime) {
}
