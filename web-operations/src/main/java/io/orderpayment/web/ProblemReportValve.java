package io.orderpayment.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import java.io.IOException;

/**
 * What Tomcat answers for a request it refuses before any application sees it (an encoded {@code /}
 * or a {@code %00} in the path, a malformed request line): a problem, instead of Tomcat's HTML page.
 */
public class ProblemReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            Problems.writeStatus(response.getResponse(), status, "the server refused the request before reading it");
        } catch (IOException | IllegalStateException e) {
            // the client is gone, or the response was committed meanwhile: nothing left to tell
        }
    }
}
