/**
 * The command line: {@code demo} (service and emulator in one process), {@code serve} (the service
 * against a configured Caspio), {@code emulator}, {@code setup}, and {@code keys} and {@code users} for
 * access. Settings come from flags and {@code SMARTSYNC_} / {@code CASPIO_} environment variables; a bad
 * one stops start-up with its name and exit status 2.
 */
package io.smartsync.cli;
