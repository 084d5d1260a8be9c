package dev.flagstaff.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Logger;

/**
 * The request body limit ({@link Limits#maxBodyBytes()}, {@code flagstaff.http.max-body-bytes}) for every request
 * to the WAR, on every server: a declared {@code Content-Length} over it is refused before a byte is read, and a
 * body without one (chunked) is counted while it is read and refused the moment it passes the limit, so no
 * oversized body is ever held whole. The refusal is Flipt's answer to a message over its gRPC limit:
 * {@code 429 {"code":8,"message":"request body too large: …","details":[]}} (gRPC RESOURCE_EXHAUSTED as
 * grpc-gateway maps it), logged as one WARN line without a stack trace. It also hides a Content-Type that is not
 * a media type ({@link #usableContentType}).
 */
@WebFilter(filterName = "flagstaff-request-limits", urlPatterns = "/*", asyncSupported = true)
public class RequestLimitsFilter implements Filter {

    private static final Logger LOG = Logger.getLogger(RequestLimitsFilter.class.getName());

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        Limits limits = Limits.current();
        long declared = request.getContentLengthLong();
        if (declared > limits.maxBodyBytes()) {
            refuse(request, (HttpServletResponse) servletResponse, limits.bodyTooLarge());
            return;
        }
        chain.doFilter(new Limited(request, limits), servletResponse);
    }

    /** Answers a refused request in the contract's shape, with one WARN line. */
    static void refuse(HttpServletRequest request, HttpServletResponse response, ApiException refusal)
            throws IOException {
        LOG.warning(() -> "Refused " + request.getMethod() + " " + request.getRequestURI() + ": " + refusal.getMessage());
        response.setStatus(refusal.code().http());
        response.setContentType("application/json");
        byte[] body = Messages.text(new ErrorMapper.ErrorBody(refusal.code().grpc(), refusal.getMessage()))
                .getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.setHeader("Connection", "close"); // the rest of the body is not read
        response.getOutputStream().write(body);
    }

    /**
     * Flipt parses every body as JSON whatever its Content-Type says (contract 1.1). A Content-Type that is not
     * even a media type ({@code ;;;}) would make the JAX-RS runtime answer with the server's own HTML error page
     * before any Flagstaff code runs, so such a header reads as {@code application/json}.
     */
    static String usableContentType(String contentType) {
        if (contentType == null) {
            return null;
        }
        try {
            jakarta.ws.rs.core.MediaType.valueOf(contentType);
            return contentType;
        } catch (RuntimeException e) {
            return jakarta.ws.rs.core.MediaType.APPLICATION_JSON;
        }
    }

    /** The request with its body stream counted against the limit and a usable Content-Type. */
    private static final class Limited extends HttpServletRequestWrapper {
        private final Limits limits;
        private ServletInputStream stream;
        private BufferedReader reader;

        /** The Content-Type the application sees: the client's, or JSON when the client's is not a media type. */
        private final String contentType;

        Limited(HttpServletRequest request, Limits limits) {
            super(request);
            this.limits = limits;
            this.contentType = usableContentType(request.getContentType());
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public String getHeader(String name) {
            return "Content-Type".equalsIgnoreCase(name) ? contentType : super.getHeader(name);
        }

        @Override
        public java.util.Enumeration<String> getHeaders(String name) {
            if ("Content-Type".equalsIgnoreCase(name)) {
                return java.util.Collections.enumeration(contentType == null ? List.of() : List.of(contentType));
            }
            return super.getHeaders(name);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), limits);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (reader == null) {
                String encoding = getCharacterEncoding();
                reader = new BufferedReader(new InputStreamReader(getInputStream(),
                        encoding == null ? StandardCharsets.UTF_8.name() : encoding));
            }
            return reader;
        }
    }

    /**
     * Counts the bytes read; past the limit it throws the refusal, which reaches {@link ErrorMapper} through
     * whichever JAX-RS reader was reading (the error carries the 429 and its message).
     */
    private static final class CountingStream extends ServletInputStream {
        private final ServletInputStream in;
        private final Limits limits;
        private long count;

        CountingStream(ServletInputStream in, Limits limits) {
            this.in = in;
            this.limits = limits;
        }

        private int counted(int n) {
            if (n > 0) {
                count += n;
                if (count > limits.maxBodyBytes()) {
                    ApiException refusal = limits.bodyTooLarge();
                    LOG.warning(() -> "Refused a request body: " + refusal.getMessage());
                    throw refusal;
                }
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return counted(in.read(buffer, offset, length));
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
