-- Report runs are Spring Batch jobs of the back office (report-cat, report-606, ...): each row is one execution of a
-- report job, linked to BATCH_JOB_EXECUTION. A row stays RUNNING when its process is killed until the run is
-- continued (the same job instance restarted), which marks it FAILED and names the execution that took over.
-- Null for a run from the compliance API, which builds its report in the gateway's process.
ALTER TABLE report_run ADD COLUMN job_execution_id BIGINT NULL AFTER id;
CREATE INDEX ix_report_run_job_execution ON report_run (job_execution_id);
