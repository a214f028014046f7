-- Append-only audit trail: who did what, when, to which object, in which area.
-- Rows are only ever inserted. Triggers refuse UPDATE, DELETE and TRUNCATE for every role, so the
-- application cannot rewrite history even though it owns the table; in production the owner should
-- additionally be a separate migration role and the application role granted INSERT and SELECT only.
CREATE TABLE platform_audit
(
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor       text        NOT NULL,
    role        text        NOT NULL,
    action      text        NOT NULL,
    object_type text        NOT NULL,
    object_id   text        NOT NULL,
    area_code   text        NULL,
    status      integer     NOT NULL,
    detail      text        NULL
);

CREATE INDEX platform_audit_area_at ON platform_audit (area_code text_pattern_ops, at);
CREATE INDEX platform_audit_actor_at ON platform_audit (actor, at);
CREATE INDEX platform_audit_at ON platform_audit (at);

CREATE FUNCTION platform_audit_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'platform_audit is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER platform_audit_no_update_delete
    BEFORE UPDATE OR DELETE ON platform_audit
    FOR EACH ROW EXECUTE FUNCTION platform_audit_refuse_change();

CREATE TRIGGER platform_audit_no_truncate
    BEFORE TRUNCATE ON platform_audit
    FOR EACH STATEMENT EXECUTE FUNCTION platform_audit_refuse_change();
