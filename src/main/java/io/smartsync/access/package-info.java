/**
 * Who may do what: API keys and user passwords (stored only as hashes), sign-in sessions with their
 * CSRF tokens, the roles they carry, and the audit log of every read and write of a member's notes and
 * every admin action, kept for a configured period.
 */
package io.smartsync.access;
