package io.smartsync.emulator;

import io.javalin.http.Context;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/**
 * Closes a request's TCP connection before any byte of the answer is sent, so the client sees an
 * I/O error rather than a status: the "committed, then the network failed" case. Closing Jetty's
 * endpoint (rather than {@code sendError(-1)}, which aborts the channel) lets Javalin's later attempt to
 * write fail quietly instead of logging an error.
 */
final class ConnectionCut {

    private ConnectionCut() {}

    static void cut(Context ctx) {
        ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
        if (request == null) {
            throw new IllegalStateException("emulator: cannot reach Jetty's connection to cut it");
        }
        request.getConnectionMetaData().getConnection().getEndPoint().close();
    }
}
