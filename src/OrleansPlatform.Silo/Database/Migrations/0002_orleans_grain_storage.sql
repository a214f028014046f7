-- Orleans ADO.NET grain storage on PostgreSQL, written against the query contract of
-- Microsoft.Orleans.Persistence.AdoNet 10.x.
--
-- Unlike the reference layout, every grain state has a real primary key: the service, the state name
-- (Orleans passes the [PersistentState] name as GrainTypeString), and the grain id split as Orleans
-- sends it (N0, N1, extension). A read is one index probe, and two racing first writes cannot both
-- insert: the loser's INSERT hits the key, returns no version, and Orleans reports an inconsistent
-- state instead of silently keeping two rows. Orleans sends a NULL extension for Guid and integer
-- keys; it is stored as '' so that the key column can be NOT NULL.

CREATE TABLE orleans_grain_state (
    service_id      text        NOT NULL,
    state_name      text        NOT NULL,
    grain_id_n0     bigint      NOT NULL,
    grain_id_n1     bigint      NOT NULL,
    grain_id_ext    text        NOT NULL,
    grain_id_hash   integer     NOT NULL,
    state_name_hash integer     NOT NULL,
    payload         bytea,
    version         integer     NOT NULL CHECK (version > 0),
    modified_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT orleans_grain_state_pk PRIMARY KEY (service_id, state_name, grain_id_n0, grain_id_n1, grain_id_ext)
);

INSERT INTO orleansquery (querykey, querytext) VALUES
('ReadFromStorageKey', $q$
SELECT payload AS PayloadBinary, version AS Version
  FROM orleans_grain_state
 WHERE service_id = @ServiceId
   AND state_name = @GrainTypeString
   AND grain_id_n0 = @GrainIdN0
   AND grain_id_n1 = @GrainIdN1
   AND grain_id_ext = coalesce(@GrainIdExtensionString, '');
$q$),

-- First write (no version yet) inserts version 1 unless the row exists; later writes succeed only
-- when the stored version is the one the grain read. A NULL result tells Orleans the write lost.
('WriteToStorageKey', $q$
WITH inserted AS (
    INSERT INTO orleans_grain_state (service_id, state_name, grain_id_n0, grain_id_n1, grain_id_ext,
                                     grain_id_hash, state_name_hash, payload, version)
    SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, coalesce(@GrainIdExtensionString, ''),
           @GrainIdHash, @GrainTypeHash, @PayloadBinary, 1
     WHERE @GrainStateVersion IS NULL
    ON CONFLICT ON CONSTRAINT orleans_grain_state_pk DO NOTHING
    RETURNING version
), updated AS (
    UPDATE orleans_grain_state
       SET payload = @PayloadBinary, version = version + 1, modified_at = now()
     WHERE @GrainStateVersion IS NOT NULL
       AND service_id = @ServiceId
       AND state_name = @GrainTypeString
       AND grain_id_n0 = @GrainIdN0
       AND grain_id_n1 = @GrainIdN1
       AND grain_id_ext = coalesce(@GrainIdExtensionString, '')
       AND version = @GrainStateVersion
    RETURNING version
)
SELECT (SELECT version FROM inserted UNION ALL SELECT version FROM updated LIMIT 1) AS NewGrainStateVersion;
$q$),

-- Clearing keeps the row (and its version history) with an empty payload.
('ClearStorageKey', $q$
WITH cleared AS (
    UPDATE orleans_grain_state
       SET payload = NULL, version = version + 1, modified_at = now()
     WHERE service_id = @ServiceId
       AND state_name = @GrainTypeString
       AND grain_id_n0 = @GrainIdN0
       AND grain_id_n1 = @GrainIdN1
       AND grain_id_ext = coalesce(@GrainIdExtensionString, '')
       AND version = @GrainStateVersion
    RETURNING version
)
SELECT (SELECT version FROM cleared) AS NewGrainStateVersion;
$q$),

-- Used only when a storage is configured with DeleteStateOnClear.
('DeleteStorageKey', $q$
WITH deleted AS (
    DELETE FROM orleans_grain_state
     WHERE service_id = @ServiceId
       AND state_name = @GrainTypeString
       AND grain_id_n0 = @GrainIdN0
       AND grain_id_n1 = @GrainIdN1
       AND grain_id_ext = coalesce(@GrainIdExtensionString, '')
       AND version = @GrainStateVersion
    RETURNING version + 1 AS version
)
SELECT (SELECT version FROM deleted) AS NewGrainStateVersion;
$q$);
