-- Instances of a service that run the outbox forwarder, seen by their heartbeat: the segment
-- balancer divides the forwarder's segments fairly among the live ones.
create table outbox_instance (
    instance_id varchar(255)                not null primary key,
    last_seen   timestamp(6) with time zone not null
);
