/**
 * Report runs: every regulatory report built (from the command line or the compliance desk's API) is recorded in
 * MySQL (tables {@code report_run} and {@code report_run_file}) with who asked, when, its parameters, its outcome and
 * the SHA-256 of every file it wrote. {@link io.portcullis.reporting.runs.ReportRuns} is the book;
 * {@link io.portcullis.reporting.runs.RecordedRun} wraps one report command's execution.
 */
package io.portcullis.reporting.runs;
