-- Each service owns a database of its own; Flyway creates the schema inside it at start-up.
create database order_service;
create database payment_service;
