-- Several service nodes on one database.

-- Every node hears a publish at once: the new data version is notified when the changing transaction commits.
CREATE FUNCTION notify_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('noko_data_version', NEW.version::text);
    RETURN NEW;
END $$;
CREATE TRIGGER data_version_notify AFTER UPDATE OF version ON data_version
    FOR EACH ROW EXECUTE FUNCTION notify_data_version();

-- An import job belongs to the node that runs it, which renews its lease (heartbeat_at) while it
-- works; start-up recovery fails only jobs whose lease has run out (their node is gone).
ALTER TABLE import_job ADD COLUMN node text, ADD COLUMN heartbeat_at timestamptz;

-- One upload at a time per campaign, whatever node takes it. Jobs left active by the race this
-- index closes are failed first (the newest of a campaign kept), so the index can be built.
UPDATE import_job j SET status = 'failed', finished_at = clock_timestamp(),
    failure = 'Прервано: одновременно с другой загрузкой этой кампании; загрузите файл ещё раз'
WHERE status IN ('queued', 'running')
  AND EXISTS (SELECT 1 FROM import_job o WHERE o.campaign_id = j.campaign_id AND o.status IN ('queued', 'running')
              AND o.id > j.id);
CREATE UNIQUE INDEX import_job_one_active ON import_job (campaign_id) WHERE status IN ('queued', 'running');

-- A job that ended (succeeded, failed, cancelled) stays ended: a job failed by recovery can never
-- turn succeeded later.
CREATE FUNCTION import_job_ended_stays() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status IN ('succeeded', 'failed', 'cancelled') AND NEW.status <> OLD.status THEN
        RAISE EXCEPTION 'import job % already ended as %', OLD.id, OLD.status USING ERRCODE = 'P0001';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER import_job_ended_stays BEFORE UPDATE OF status ON import_job
    FOR EACH ROW EXECUTE FUNCTION import_job_ended_stays();
