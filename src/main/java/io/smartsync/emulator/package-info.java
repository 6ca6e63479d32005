/**
 * A Caspio-compatible REST server on its own SQLite file, for tests and the demo: OAuth client
 * credentials, the v2 and v3 table, field and record endpoints and a real {@code q.where} parser, plus
 * faults on demand ({@link io.smartsync.emulator.FaultConfig}) and admin routes under {@code /_emulator}.
 * It depends on nothing else of ours, so the client can be tested against it exactly as it talks to the
 * real service.
 */
package io.smartsync.emulator;
