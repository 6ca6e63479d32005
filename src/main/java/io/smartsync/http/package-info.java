/**
 * The HTTP API: the original app's endpoints and JSON, authenticated and audited, with every error
 * mapped to a JSON answer in {@link io.smartsync.http.ErrorMapping}.
 */
package io.smartsync.http;
