/**
 * The HTTP API: the original app's endpoints and JSON, each route declared with the role it needs
 * ({@link io.smartsync.http.Route}, checked by {@link io.smartsync.http.Auth}), audited, described in
 * /openapi.json; server-sent events, health and Prometheus metrics; every error mapped to one JSON shape
 * in {@link io.smartsync.http.ErrorMapping}.
 */
package io.smartsync.http;
