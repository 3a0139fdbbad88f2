-- The mirror of Infusion's six Data Synchronisation entities: one table per entity, keyed by UUID,
-- with the contract's common fields, the columns users query, and the record as Infusion sent it.
-- Portable SQL: the same script runs on H2 (the default) and PostgreSQL.

CREATE TABLE products (
    uuid UUID PRIMARY KEY,
    version_number BIGINT NOT NULL,
    created_timestamp TIMESTAMP WITH TIME ZONE,
    modified_timestamp TIMESTAMP WITH TIME ZONE,
    deleted_timestamp TIMESTAMP WITH TIME ZONE,
    deleted BOOLEAN NOT NULL DEFAULT FALSE,
    code VARCHAR(100),
    description VARCHAR(1000),
    product_group VARCHAR(100),
    sell_price NUMERIC(19,4),
    image_url VARCHAR(2000),
    raw_json TEXT NOT NULL,
    synced_at TIMESTAMP WITH TIME ZONE NOT NULL,
    seen_generation BIGINT NOT NULL DEFAULT 0
);

CREATE INDEX products_modified ON products (modified_timestamp);

CREATE TABLE customers (
    uuid UUID PRIMARY KEY,
    version_number BIGINT NOT NULL,
    created_timestamp TIMESTAMP WITH TIME ZONE,
    modified_timestamp TIMESTAMP WITH TIME ZONE,
    deleted_timestamp TIMESTAMP WITH TIME ZONE,
    deleted BOOLEAN NOT NULL DEFAULT FALSE,
    code VARCHAR(100),
    name VARCHAR(500),
    email VARCHAR(500),
    customer_group VARCHAR(100),
    default_discount_percent NUMERIC(9,4),
    raw_json TEXT NOT NULL,
    synced_at TIMESTAMP WITH TIME ZONE NOT NULL,
    seen_generation BIGINT NOT NULL DEFAULT 0
);

CREATE INDEX customers_modified ON customers (modified_timestamp);

CREATE TABLE customer_invoices (
    uuid UUID PRIMARY KEY,
    version_number BIGINT NOT NULL,
    created_timestamp TIMESTAMP WITH TIME ZONE,
    modified_timestamp TIMESTAMP WITH TIME ZONE,
    deleted_timestamp TIMESTAMP WITH TIME ZONE,
    deleted BOOLEAN NOT NULL DEFAULT FALSE,
    invoice_number VARCHAR(100),
    customer_uuid UUID,
    invoice_date DATE,
    status VARCHAR(20),
    courier_reference VARCHAR(50),
    delivery_status_code VARCHAR(20),
    total NUMERIC(19,4),
    raw_json TEXT NOT NULL,
    synced_at TIMESTAMP WITH TIME ZONE NOT NULL,
    seen_generation BIGINT NOT NULL DEFAULT 0
);

CREATE INDEX customer_invoices_modified ON customer_invoices (modified_timestamp);

CREATE TABLE customer_contract_rates (
    uuid UUID PRIMARY KEY,
    version_number BIGINT NOT NULL,
    created_timestamp TIMESTAMP WITH TIME ZONE,
    modified_timestamp TIMESTAMP WITH TIME ZONE,
    deleted_timestamp TIMESTAMP WITH TIME ZONE,
    deleted BOOLEAN NOT NULL DEFAULT FALSE,
    customer_uuid UUID,
    product_uuid UUID,
    price NUMERIC(19,4),
    start_date DATE,
    end_date DATE,
    raw_json TEXT NOT NULL,
    synced_at TIMESTAMP WITH TIME ZONE NOT NULL,
    seen_generation BIGINT NOT NULL DEFAULT 0
);

CREATE INDEX customer_contract_rates_modified ON customer_contract_rates (modified_timestamp);

CREATE TABLE product_promotional_prices (
    uuid UUID PRIMARY KEY,
    version_number BIGINT NOT NULL,
    created_timestamp TIMESTAMP WITH TIME ZONE,
    modified_timestamp TIMESTAMP WITH TIME ZONE,
    deleted_timestamp TIMESTAMP WITH TIME ZONE,
    deleted BOOLEAN NOT NULL DEFAULT FALSE,
    product_uuid UUID,
    price NUMERIC(19,4),
    start_date DATE,
    end_date DATE,
    raw_json TEXT NOT NULL,
    synced_at TIMESTAMP WITH TIME ZONE NOT NULL,
    seen_generation BIGINT NOT NULL DEFAULT 0
);

CREATE INDEX product_promotional_prices_modified ON product_promotional_prices (modified_timestamp);

CREATE TABLE discount_matrix_entries (
    uuid UUID PRIMARY KEY,
    version_number BIGINT NOT NULL,
    created_timestamp TIMESTAMP WITH TIME ZONE,
    modified_timestamp TIMESTAMP WITH TIME ZONE,
    deleted_timestamp TIMESTAMP WITH TIME ZONE,
    deleted BOOLEAN NOT NULL DEFAULT FALSE,
    customer_group VARCHAR(100),
    product_group VARCHAR(100),
    discount_percent NUMERIC(9,4),
    raw_json TEXT NOT NULL,
    synced_at TIMESTAMP WITH TIME ZONE NOT NULL,
    seen_generation BIGINT NOT NULL DEFAULT 0
);

CREATE INDEX discount_matrix_entries_modified ON discount_matrix_entries (modified_timestamp);

CREATE UNIQUE INDEX customer_invoices_number ON customer_invoices (invoice_number);
CREATE INDEX customer_invoices_customer ON customer_invoices (customer_uuid);
CREATE INDEX customer_invoices_delivery ON customer_invoices (delivery_status_code);

-- Per entity: a page asked for but not yet stored (a crash there means reconcile), and the
-- generation a full resync counts in, to find records Infusion no longer returns.
CREATE TABLE sync_state (
    entity VARCHAR(40) PRIMARY KEY,
    page_in_flight BOOLEAN NOT NULL DEFAULT FALSE,
    generation BIGINT NOT NULL DEFAULT 0,
    last_page_at TIMESTAMP WITH TIME ZONE,
    records_stored BIGINT NOT NULL DEFAULT 0,
    reconcile_started_at TIMESTAMP WITH TIME ZONE,
    reconcile_finished_at TIMESTAMP WITH TIME ZONE
);

INSERT INTO sync_state (entity) VALUES ('products');
INSERT INTO sync_state (entity) VALUES ('customers');
INSERT INTO sync_state (entity) VALUES ('customerInvoices');
INSERT INTO sync_state (entity) VALUES ('customerContractRates');
INSERT INTO sync_state (entity) VALUES ('productPromotionalPrices');
INSERT INTO sync_state (entity) VALUES ('discountMatrixEntries');
