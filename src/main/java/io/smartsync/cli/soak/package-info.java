/**
 * The {@code soak} command: service processes against a misbehaving emulator, random writes on both sides,
 * SIGKILLs, then a comparison of each store with Caspio that counts lost, duplicated and resurrected notes.
 * For runs longer than CI; the convergence test runs a short one.
 */
package io.smartsync.cli.soak;
