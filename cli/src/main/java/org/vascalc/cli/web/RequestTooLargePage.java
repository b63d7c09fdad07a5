package org.vascalc.cli.web;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's answer to a request it refuses before the app sees it, for the two a reader can meet: an address too
 * long (414) and headers too large (431, usually cookies). Jetty's own page for these is bare, in its own style and
 * with no word on what to do (leftovers15); this is the app's page with that sentence. Every other error Jetty
 * answers itself is left to Jetty's page. Under {@code /api/} a 431 is the API's JSON, as its other errors
 * (leftovers16).
 */
final class RequestTooLargePage extends ErrorHandler {

    /** The page for {@code status}, or null for a status this class leaves to Jetty. */
    static String html(int status) {
        return switch (status) {
            case 414 -> Html.page("Address too long", "<div class=\"problems\"><p>The address is longer than the server "
                    + "reads (8 KB). The pages' forms never make one this long: open the page from the "
                    + "<a href=\"/\">home page</a> and fill in its form, or send a long scenario with the "
                    + "<a href=\"/scenario\">scenario form</a>, which posts it.</p></div>");
            case 431 -> Html.page("Request headers too large", "<div class=\"problems\"><p>The request's headers are "
                    + "larger than the server reads (8 KB), usually from many or large cookies for this address "
                    + "(this app sets none). Clear this site's cookies in the browser and open the "
                    + "<a href=\"/\">home page</a> again.</p></div>");
            default -> null;
        };
    }

    /**
     * The API's answer for {@code status} (431 only), in the shape of its other errors ({@code {"error": ...}}).
     * A 414 has none: Jetty refuses the request line before it has read the path (the request it hands this
     * handler has the placeholder path {@code /badMessage}), so an address too long cannot be told to be the
     * API's, and gets the page.
     */
    static String json(int status) {
        if (status != 431) {
            return null;
        }
        return Json.write(java.util.Map.of("error", "the request's headers are larger than the server reads (8 KB), "
                + "usually from many or large cookies for this address (this API sets none); send the request "
                + "without them"));
    }

    @Override
    protected boolean generateAcceptableResponse(Request request, Response response, Callback callback,
                                                 String contentType, List<Charset> charsets, int code, String message,
                                                 Throwable cause) throws java.io.IOException {
        String page = html(code);
        if (page == null) {
            return super.generateAcceptableResponse(request, response, callback, contentType, charsets, code, message,
                    cause);
        }
        String path = request.getHttpURI() == null ? "" : request.getHttpURI().getPath();
        boolean api = path != null && path.startsWith("/api/") && json(code) != null;
        byte[] body = (api ? json(code) : page).getBytes(StandardCharsets.UTF_8);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, api ? "application/json; charset=utf-8"
                : "text/html; charset=utf-8");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
