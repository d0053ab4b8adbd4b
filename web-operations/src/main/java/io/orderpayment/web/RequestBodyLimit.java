package io.orderpayment.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses a request body larger than {@code app.web.max-request-body} with 413, before anything
 * reads it: a declared length at once, a body sent without one (chunked) when it grows past the
 * limit. Whatever every accepted request may hold is then bounded, down to the events it stores and
 * the messages they become.
 */
public class RequestBodyLimit extends OncePerRequestFilter {

    private final long maxBytes;

    public RequestBodyLimit(DataSize maxBody) {
        this.maxBytes = maxBody.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            tooLarge(response);
            return;
        }
        BoundedRequest bounded = new BoundedRequest(request, maxBytes);
        try {
            chain.doFilter(bounded, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!bounded.exceeded()) {
                throw e;
            }
            tooLarge(response);
        }
    }

    private void tooLarge(HttpServletResponse response) throws IOException {
        Problems.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "request-too-large", "Request too large",
                "the request body may hold at most " + maxBytes + " bytes");
    }

    /** Thrown while reading past the limit; whoever reads it fails, and the filter answers 413. */
    static final class BodyTooLargeException extends IOException {
        BodyTooLargeException(long maxBytes) {
            super("request body larger than " + maxBytes + " bytes");
        }
    }

    private static final class BoundedRequest extends HttpServletRequestWrapper {

        private final long maxBytes;
        private BoundedStream stream;

        BoundedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new BoundedStream(super.getInputStream(), maxBytes);
            }
            return stream;
        }

        boolean exceeded() {
            return stream != null && stream.exceeded;
        }
    }

    private static final class BoundedStream extends ServletInputStream {

        private final ServletInputStream body;
        private final long maxBytes;
        private long read;
        private boolean exceeded;

        BoundedStream(ServletInputStream body, long maxBytes) {
            this.body = body;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int next = body.read();
            if (next >= 0) {
                count(1);
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int count = body.read(buffer, offset, length);
            if (count > 0) {
                count(count);
            }
            return count;
        }

        private void count(long bytes) throws BodyTooLargeException {
            read += bytes;
            if (read > maxBytes) {
                exceeded = true;
                throw new BodyTooLargeException(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }
    }
}
