-- Orleans ADO.NET clustering on PostgreSQL: the project's own schema, written against the query
-- contract of Microsoft.Orleans.Clustering.AdoNet 10.x (query keys, @parameters, result columns).
--
-- The providers load their SQL from the table orleansquery (unquoted, so lower-case in PostgreSQL).
-- Every membership change checks and bumps the per-cluster table version in the same statement, so
-- a stale writer changes nothing and re-reads.

CREATE TABLE orleansquery (
    querykey  varchar(64)   PRIMARY KEY,
    querytext varchar(8000) NOT NULL
);

CREATE TABLE orleans_membership_version (
    deployment_id text        PRIMARY KEY,
    version       integer     NOT NULL DEFAULT 0 CHECK (version >= 0),
    changed_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE orleans_membership (
    deployment_id   text        NOT NULL REFERENCES orleans_membership_version (deployment_id) ON DELETE CASCADE,
    address         text        NOT NULL,
    port            integer     NOT NULL,
    generation      integer     NOT NULL,
    silo_name       text        NOT NULL,
    host_name       text        NOT NULL,
    status          integer     NOT NULL,
    proxy_port      integer     NOT NULL DEFAULT 0,
    suspect_times   text,
    start_time      timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

INSERT INTO orleansquery (querykey, querytext) VALUES
('InsertMembershipVersionKey', $q$
WITH created AS (
    INSERT INTO orleans_membership_version (deployment_id) VALUES (@DeploymentId)
    ON CONFLICT (deployment_id) DO NOTHING
    RETURNING 1
)
SELECT count(*)::integer FROM created;
$q$),

('MembershipReadAllKey', $q$
SELECT v.deployment_id   AS DeploymentId,
       m.address         AS Address,
       m.port            AS Port,
       m.generation      AS Generation,
       m.silo_name       AS SiloName,
       m.host_name       AS HostName,
       m.status          AS Status,
       m.proxy_port      AS ProxyPort,
       m.suspect_times   AS SuspectTimes,
       m.start_time      AS StartTime,
       m.i_am_alive_time AS IAmAliveTime,
       v.version         AS Version
FROM orleans_membership_version v
LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
WHERE v.deployment_id = @DeploymentId;
$q$),

('MembershipReadRowKey', $q$
SELECT v.deployment_id   AS DeploymentId,
       m.address         AS Address,
       m.port            AS Port,
       m.generation      AS Generation,
       m.silo_name       AS SiloName,
       m.host_name       AS HostName,
       m.status          AS Status,
       m.proxy_port      AS ProxyPort,
       m.suspect_times   AS SuspectTimes,
       m.start_time      AS StartTime,
       m.i_am_alive_time AS IAmAliveTime,
       v.version         AS Version
FROM orleans_membership_version v
LEFT JOIN orleans_membership m
       ON m.deployment_id = v.deployment_id
      AND m.address = @Address
      AND m.port = @Port
      AND m.generation = @Generation
WHERE v.deployment_id = @DeploymentId;
$q$),

('InsertMembershipKey', $q$
WITH bumped AS (
    UPDATE orleans_membership_version
       SET version = version + 1, changed_at = now()
     WHERE deployment_id = @DeploymentId
       AND version = @Version
       AND version < 2147483647
       AND NOT EXISTS (SELECT 1 FROM orleans_membership
                        WHERE deployment_id = @DeploymentId AND address = @Address
                          AND port = @Port AND generation = @Generation)
    RETURNING deployment_id
), inserted AS (
    INSERT INTO orleans_membership (deployment_id, address, port, generation, silo_name, host_name,
                                    status, proxy_port, start_time, i_am_alive_time)
    SELECT deployment_id, @Address, @Port, @Generation, @SiloName, @HostName,
           @Status, @ProxyPort, @StartTime, @IAmAliveTime
      FROM bumped
    ON CONFLICT DO NOTHING
    RETURNING 1
)
SELECT count(*)::integer FROM inserted;
$q$),

('UpdateMembershipKey', $q$
WITH bumped AS (
    UPDATE orleans_membership_version
       SET version = version + 1, changed_at = now()
     WHERE deployment_id = @DeploymentId
       AND version = @Version
       AND version < 2147483647
       AND EXISTS (SELECT 1 FROM orleans_membership
                    WHERE deployment_id = @DeploymentId AND address = @Address
                      AND port = @Port AND generation = @Generation)
    RETURNING deployment_id
), updated AS (
    UPDATE orleans_membership m
       SET status = @Status, suspect_times = @SuspectTimes, i_am_alive_time = @IAmAliveTime
      FROM bumped
     WHERE m.deployment_id = bumped.deployment_id
       AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
    RETURNING 1
)
SELECT count(*)::integer FROM updated;
$q$),

('UpdateIAmAlivetimeKey', $q$
UPDATE orleans_membership
   SET i_am_alive_time = GREATEST(i_am_alive_time, @IAmAliveTime)
 WHERE deployment_id = @DeploymentId AND address = @Address
   AND port = @Port AND generation = @Generation;
$q$),

('GatewaysQueryKey', $q$
SELECT address AS Address, proxy_port AS ProxyPort, generation AS Generation
  FROM orleans_membership
 WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0;
$q$),

('DeleteMembershipTableEntriesKey', $q$
DELETE FROM orleans_membership WHERE deployment_id = @DeploymentId;
DELETE FROM orleans_membership_version WHERE deployment_id = @DeploymentId;
$q$),

-- Removes silos that are dead (status 6), started and last alive before the cutoff, and carry no
-- pending suspicion.
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM orleans_membership
 WHERE deployment_id = @DeploymentId
   AND status = 6
   AND i_am_alive_time < @IAmAliveTime
   AND start_time < @IAmAliveTime
   AND coalesce(suspect_times, '') = '';
$q$);
