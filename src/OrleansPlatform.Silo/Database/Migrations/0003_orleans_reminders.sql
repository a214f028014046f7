-- Orleans ADO.NET reminders on PostgreSQL, written against the query contract of
-- Microsoft.Orleans.Reminders.AdoNet 10.x. Period is in milliseconds and may exceed int range.

CREATE TABLE orleans_reminders (
    service_id    text        NOT NULL,
    grain_id      text        NOT NULL,
    reminder_name text        NOT NULL,
    start_time    timestamptz NOT NULL,
    period        bigint      NOT NULL,
    grain_hash    integer     NOT NULL,
    version       integer     NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);

-- Silos read the reminders of their slice of the hash ring.
CREATE INDEX orleans_reminders_ring_ix ON orleans_reminders (service_id, grain_hash);

INSERT INTO orleansquery (querykey, querytext) VALUES
('ReadReminderRowsKey', $q$
SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime,
       period AS Period, version AS Version
  FROM orleans_reminders
 WHERE service_id = @ServiceId AND grain_id = @GrainId;
$q$),

('ReadReminderRowKey', $q$
SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime,
       period AS Period, version AS Version
  FROM orleans_reminders
 WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName;
$q$),

('ReadRangeRows1Key', $q$
SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime,
       period AS Period, version AS Version
  FROM orleans_reminders
 WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash;
$q$),

('ReadRangeRows2Key', $q$
SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime,
       period AS Period, version AS Version
  FROM orleans_reminders
 WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash);
$q$),

('UpsertReminderRowKey', $q$
INSERT INTO orleans_reminders (service_id, grain_id, reminder_name, start_time, period, grain_hash, version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
   SET start_time = EXCLUDED.start_time,
       period     = EXCLUDED.period,
       grain_hash = EXCLUDED.grain_hash,
       version    = orleans_reminders.version + 1
RETURNING version AS Version;
$q$),

('DeleteReminderRowKey', $q$
WITH deleted AS (
    DELETE FROM orleans_reminders
     WHERE service_id = @ServiceId AND grain_id = @GrainId
       AND reminder_name = @ReminderName AND version = @Version
    RETURNING 1
)
SELECT count(*)::integer FROM deleted;
$q$),

('DeleteReminderRowsKey', $q$
DELETE FROM orleans_reminders WHERE service_id = @ServiceId;
$q$);
