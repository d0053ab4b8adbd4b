package io.orderpayment.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Sends each answer whole once the request is done. Spring MVC flushes every body it writes, and a
 * flushed answer went out chunked, in two writes to the socket (the body, then its end); here a
 * flush before the end is ignored, so Tomcat sends an answer that fits its buffer (8 KB) in one
 * write, with its Content-Length. A larger answer goes out as the buffer fills, as before. No
 * endpoint of either service streams.
 */
public class WholeResponses extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new FlushAtTheEnd(response));
    }

    private static final class FlushAtTheEnd extends HttpServletResponseWrapper {

        private ServletOutputStream body;

        FlushAtTheEnd(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void flushBuffer() {
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (body == null) {
                body = new UnflushedStream(super.getOutputStream());
            }
            return body;
        }
    }

    private static final class UnflushedStream extends ServletOutputStream {

        private final ServletOutputStream out;

        UnflushedStream(ServletOutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() throws IOException {
            out.close();
        }

        @Override
        public boolean isReady() {
            return out.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            out.setWriteListener(listener);
        }
    }
}
