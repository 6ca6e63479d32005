/**
 * Who may do what: API keys (stored only as hashes), the roles they carry, and the audit log that
 * records every read and write of a member's notes.
 */
package io.smartsync.access;
