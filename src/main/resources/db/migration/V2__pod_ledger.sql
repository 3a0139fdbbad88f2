-- What the POD write-back applied, written in the same transaction as the mirror update, so a crash or
-- a restart can never apply a file's row twice.
CREATE TABLE pod_applied (
    file_hash VARCHAR(64) NOT NULL,
    invoice_uuid UUID NOT NULL,
    invoice_number VARCHAR(100) NOT NULL,
    courier_reference VARCHAR(50),
    delivery_status_code VARCHAR(20),
    version_number BIGINT NOT NULL,
    applied_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (file_hash, invoice_uuid)
);

-- The latest carrier event the bridge applied to each invoice: an older event never overwrites it.
CREATE TABLE pod_invoice_state (
    invoice_uuid UUID PRIMARY KEY,
    invoice_number VARCHAR(100) NOT NULL,
    last_event_time TIMESTAMP WITH TIME ZONE NOT NULL,
    last_status VARCHAR(30) NOT NULL,
    consignment VARCHAR(100),
    signed_by VARCHAR(200),
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Carrier files seen, by content: a file dropped again after it completed changes nothing.
CREATE TABLE pod_files (
    file_hash VARCHAR(64) PRIMARY KEY,
    file_name VARCHAR(1000) NOT NULL,
    first_seen_at TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at TIMESTAMP WITH TIME ZONE
);

-- A write about to be sent, noted first: if the bridge dies after Infusion applied it but before it was
-- recorded in pod_applied, the restart finds the intent and the invoice showing it, and knows it was this file.
CREATE TABLE pod_intents (
    file_hash VARCHAR(64) NOT NULL,
    invoice_uuid UUID NOT NULL,
    noted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (file_hash, invoice_uuid)
);
