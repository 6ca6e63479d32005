-- The salt a user's browser derives its device key with (PBKDF2, issue 18): random, made at the
-- user's first sign-in, kept so the key of a later sign-in opens what an earlier one stored.
ALTER TABLE users ADD COLUMN offline_salt TEXT;
