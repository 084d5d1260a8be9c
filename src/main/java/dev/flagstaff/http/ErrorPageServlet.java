package dev.flagstaff.http;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/**
 * The error page {@code WEB-INF/web.xml} names for every status the server itself may answer with before any
 * Flagstaff code runs (a path it cannot decode, a body on a {@code GET}, a request too large, a failure the
 * servlet container caught): it writes the contract's body {@code {"code":N,"message":"…","details":[]}} with
 * the gRPC code grpc-gateway gives that status ({@link Code#forHttpStatus}) and the status's reason as the
 * message, in place of the server's HTML page or empty body. The status stays the server's. A client's mistake
 * is not logged; a 5xx is, as one WARNING line without a stack trace. Requested directly, it is an unknown path.
 */
@WebServlet(name = "flagstaff-error-page", urlPatterns = ErrorPageServlet.PATH)
public class ErrorPageServlet extends HttpServlet {

    /** Where {@code web.xml} sends the server's errors. */
    static final String PATH = "/flagstaff-error-page";

    private static final Logger LOG = Logger.getLogger(ErrorPageServlet.class.getName());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object attribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = attribute instanceof Integer code ? code : HttpServletResponse.SC_NOT_FOUND;
        if (status < 400 || status > 599) {
            status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        }
        if (status >= 500) {
            Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
            LOG.warning("The server answered " + status + " on " + request.getMethod() + " "
                    + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)
                    + (failure instanceof Throwable t ? ": " + t.getClass().getName() + ": " + t.getMessage() : ""));
        }
        Code code = Code.forHttpStatus(status);
        if (response.isCommitted()) {
            return; // part of an answer went out already: nothing sensible can follow it
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/json");
        byte[] body = Messages.text(new ErrorMapper.ErrorBody(code.grpc(), message(status)))
                .getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    /** The message: Flipt's for the statuses its gateway answers itself, else the status's reason phrase. */
    static String message(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405, 501 -> "Method Not Allowed";
            case 411 -> "Length Required";
            case 413 -> "Request Entity Too Large";
            case 414 -> "URI Too Long";
            case 415 -> "Unsupported Media Type";
            case 431 -> "Request Header Fields Too Large";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "internal error" : "request refused";
        };
    }
}
