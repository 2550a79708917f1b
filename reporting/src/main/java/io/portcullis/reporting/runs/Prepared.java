package io.portcullis.reporting.runs;

import java.util.function.IntSupplier;

/**
 * A report command line after its checks: either the exit code it already came to ({@code --help} 0, bad usage 2,
 * the message printed) or the work to do, which touches the services and returns the command's exit code. Lets a
 * caller (the back-office job launcher) refuse a bad command line before it records anything.
 *
 * @param exitCode the exit code when there is no work
 * @param work     the work, or null
 */
public record Prepared(int exitCode, IntSupplier work) {
    /**
     * @param exitCode what the command came to without work
     * @return a command line that ends here
     */
    public static Prepared done(final int exitCode) {
        return new Prepared(exitCode, null);
    }

    /**
     * @param work the checked command's work
     * @return a command line to run
     */
    public static Prepared work(final IntSupplier work) {
        return new Prepared(0, work);
    }

    /** @return true when there is work to run */
    public boolean runnable() {
        return work != null;
    }

    /** @return the work's exit code, or the exit code already reached */
    public int run() {
        return work == null ? exitCode : work.getAsInt();
    }
}
