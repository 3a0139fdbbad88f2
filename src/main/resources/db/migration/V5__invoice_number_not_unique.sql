-- The mirror keeps deleted invoices. Should Infusion ever give a deleted invoice's number to a new one, a
-- unique index would refuse the new invoice and stop the invoice sync for good; matching prefers the live one.
DROP INDEX customer_invoices_number;
CREATE INDEX customer_invoices_number ON customer_invoices (invoice_number);
