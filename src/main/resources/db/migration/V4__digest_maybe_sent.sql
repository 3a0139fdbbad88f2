-- A digest being sent when the bridge stopped may or may not have gone out. Its invoices go into the next
-- digest marked as possibly sent already (status 'unsure' until then), so none is lost and the reader knows.
ALTER TABLE digest_lines ADD COLUMN maybe_sent BOOLEAN DEFAULT FALSE NOT NULL;
