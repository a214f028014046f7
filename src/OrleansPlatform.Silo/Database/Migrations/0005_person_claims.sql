-- Who holds each resident ID number. Claims used to be one grain state row per person, read and
-- written through the grain storage one at a time (three reads and three writes for a household of
-- three). Here a household claims all its members in one statement, and the primary key is what lets
-- only one household hold a person.
CREATE TABLE platform_person_claim (
    service_id   text        NOT NULL,
    id_number    text        NOT NULL,
    household_id text        NOT NULL,
    claimed_at   timestamptz NOT NULL,
    CONSTRAINT platform_person_claim_pk PRIMARY KEY (service_id, id_number)
);

-- No index by household: a household releases claims by the ID numbers it knows, through the key.
