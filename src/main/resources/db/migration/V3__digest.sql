-- Invoices sent in a delivered-invoices digest: each appears in one digest only, also across restarts.
-- A digest's lines are reserved (pending) before the mail goes out and confirmed (sent) after.
CREATE TABLE digest_lines (
    invoice_uuid UUID PRIMARY KEY,
    digest_id VARCHAR(36) NOT NULL,
    status VARCHAR(10) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
