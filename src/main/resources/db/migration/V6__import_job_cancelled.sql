-- An operator or admin may cancel a queued or running import: the job ends 'cancelled'.
ALTER TABLE import_job DROP CONSTRAINT import_job_status_check;
ALTER TABLE import_job ADD CONSTRAINT import_job_status_check
    CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled'));
