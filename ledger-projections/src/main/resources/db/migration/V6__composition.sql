-- Which part was installed in which host, and when: composition at any instant.
CREATE TABLE composition (
    host_id      VARCHAR(64) NOT NULL,
    part_id      VARCHAR(64) NOT NULL,
    assembled_at TIMESTAMP WITH TIME ZONE NOT NULL,
    assembled_hash VARCHAR(64) NOT NULL,
    detached_at  TIMESTAMP WITH TIME ZONE,
    detached_hash VARCHAR(64),
    PRIMARY KEY (host_id, part_id, assembled_at)
);
CREATE INDEX composition_part ON composition (part_id);
