package org.jkeras.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on standard error, redrawn in place with a carriage return: shown only once a run has
 * lasted a second, at most five times a second, and never when disabled (standard error not a terminal, or
 * {@code --quiet}).
 */
final class Progress implements AutoCloseable {
    static final long DELAY_NANOS = 1_000_000_000L;
    static final long INTERVAL_NANOS = 200_000_000L;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean enabled;
    private final LongSupplier clock;
    private final long start;
    private long lastDraw;
    private boolean drawn;
    private int lastLength;
    private long done = -1, total = -1, rows;

    Progress(PrintWriter err, boolean enabled, LongSupplier nanoClock) {
        this.err = err;
        this.enabled = enabled;
        this.clock = nanoClock;
        this.start = nanoClock.getAsLong();
    }

    /** Off when standard error is not a terminal ({@code System.console() == null}) or when asked to be quiet. */
    static Progress forTerminal(PrintWriter err, boolean quiet) {
        return new Progress(err, !quiet && System.console() != null, System::nanoTime);
    }

    /**
     * Records progress: {@code done} of {@code total} units (bytes read or rows; total -1 when unknown) and
     * {@code rows} scored so far; redraws when due.
     */
    void update(long done, long total, long rows) {
        this.done = done;
        this.total = total;
        this.rows = rows;
        if (!enabled) return;
        long now = clock.getAsLong();
        if (now - start < DELAY_NANOS || drawn && now - lastDraw < INTERVAL_NANOS) return;
        draw(now);
    }

    /** Whether the bar has been drawn. */
    boolean shown() {
        return drawn;
    }

    /** Draws the final state and ends the line, if the bar was ever shown. */
    @Override
    public void close() {
        if (!drawn) return;
        draw(clock.getAsLong());
        err.println();
        err.flush();
    }

    private void draw(long now) {
        String line = line(done, total, rows, now - start);
        err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length()))); // blank what a longer line left
        lastLength = line.length();
        err.flush();
        lastDraw = now;
        drawn = true;
    }

    /** E.g. {@code [##########          ]  33%  120,000 rows  2.1 s  57,142 rows/s}. */
    static String line(long done, long total, long rows, long elapsedNanos) {
        StringBuilder b = new StringBuilder();
        if (total > 0 && done >= 0) {
            double f = Math.min(1, (double) done / total);
            int filled = (int) Math.round(f * WIDTH);
            b.append('[').append("#".repeat(filled)).append(" ".repeat(WIDTH - filled)).append(']');
            b.append(String.format(Locale.ROOT, " %3d%%", (int) Math.floor(f * 100)));
        }
        double seconds = elapsedNanos / 1e9;
        b.append(String.format(Locale.ROOT, "  %,d rows  %.1f s", rows, seconds));
        if (seconds > 0) b.append(String.format(Locale.ROOT, "  %,d rows/s", (long) (rows / seconds)));
        return b.toString();
    }
}
