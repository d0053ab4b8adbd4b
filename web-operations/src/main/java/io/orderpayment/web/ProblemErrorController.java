package io.orderpayment.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import java.io.IOException;

/**
 * The error page of both services, in place of Spring Boot's, which answers its own JSON: errors
 * raised outside Spring MVC's handlers (a filter, Spring Security's firewall, the servlet container)
 * are problems like all others. A 5xx says nothing of its cause to the caller; the log does.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ProblemErrorController implements ErrorController {

    @RequestMapping
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null && request.getDispatcherType() == DispatcherType.REQUEST) {
            // Asked for by a client rather than reached through an error: there is nothing at this path.
            Problems.writeStatus(response, HttpServletResponse.SC_NOT_FOUND, null);
            return;
        }
        int status = code instanceof Integer value && value >= 400 ? value : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        Problems.writeStatus(response, status, message instanceof String text ? text : null);
    }
}
