/**
 * Domain records of Smart Sync: a member's notes, their sync state and the outbox entries that carry
 * local writes to Caspio. Nothing here does I/O; every record validates itself, so an invalid note or
 * member id cannot exist.
 */
package io.smartsync.note;
