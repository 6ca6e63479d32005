package io.smartsync.http;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/**
 * One endpoint as the API declares it: method, path template (Javalin's {@code {name}} form, as in
 * /openapi.json), who may call it, and the handler. The list of these is the API's own account of
 * itself, which the contract test holds against /openapi.json.
 */
record Route(HandlerType method, String path, Access access, Handler handler) {
    static Route get(String path, Access access, Handler handler) {
        return new Route(HandlerType.GET, path, access, handler);
    }

    static Route post(String path, Access access, Handler handler) {
        return new Route(HandlerType.POST, path, access, handler);
    }

    static Route put(String path, Access access, Handler handler) {
        return new Route(HandlerType.PUT, path, access, handler);
    }

    static Route delete(String path, Access access, Handler handler) {
        return new Route(HandlerType.DELETE, path, access, handler);
    }
}
