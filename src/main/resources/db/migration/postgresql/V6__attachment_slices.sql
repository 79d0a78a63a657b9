-- Web uploads stored once (PostgreSQL; the same for SQLite in ../sqlite/V6__attachment_slices.sql).
-- A file sent with the web form is part of the request's raw body, which is kept as evidence; such an
-- attachment is stored as its place in requests.raw (raw_offset, counted from 0, and raw_length, both
-- in bytes) with an empty `bytes`, and read back as substr(raw, raw_offset + 1, raw_length).
-- Rows without a place (mail attachments, decoded from base64, and the officers' answers) keep their
-- bytes as before.
ALTER TABLE attachments ADD COLUMN raw_offset INTEGER;
ALTER TABLE attachments ADD COLUMN raw_length INTEGER;
ALTER TABLE attachments ADD CONSTRAINT attachments_slice_whole
  CHECK ((raw_offset IS NULL) = (raw_length IS NULL) AND (raw_offset IS NULL OR octet_length(bytes) = 0));
