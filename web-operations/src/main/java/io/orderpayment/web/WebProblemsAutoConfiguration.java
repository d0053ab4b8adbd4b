package io.orderpayment.web;

import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * Every error either service answers is a problem (application/problem+json), from whichever layer
 * it comes: Spring MVC's handlers ({@link ProblemJsonExceptionHandler}), errors sent without a body
 * ({@link ErrorsAsProblems}), the error page ({@link ProblemErrorController}, in place of Spring
 * Boot's), Tomcat itself ({@link ProblemReportValve}); a body over {@code app.web.max-request-body} (64KB) is refused
 * before anything reads it ({@link RequestBodyLimit}); a path with parameters, which no endpoint has, is
 * refused before Spring parses it ({@link NoPathParameters}); and the {@code Accept} header is settled before any
 * work: JSON in UTF-8 whatever charset is asked for, 406 for one Spring cannot parse ({@link AcceptHeader}). An
 * answer is sent whole when the request is done ({@link WholeResponses}).
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class WebProblemsAutoConfiguration {

    @Bean
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    @Bean
    FilterRegistrationBean<ErrorsAsProblems> errorsAsProblems() {
        FilterRegistrationBean<ErrorsAsProblems> registration = new FilterRegistrationBean<>(new ErrorsAsProblems());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<NoPathParameters> noPathParameters() {
        FilterRegistrationBean<NoPathParameters> registration = new FilterRegistrationBean<>(new NoPathParameters());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<AcceptHeader> acceptHeader() {
        FilterRegistrationBean<AcceptHeader> registration = new FilterRegistrationBean<>(new AcceptHeader());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ContentTypeHeader> contentTypeHeader() {
        FilterRegistrationBean<ContentTypeHeader> registration = new FilterRegistrationBean<>(new ContentTypeHeader());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Bean
    FilterRegistrationBean<WholeResponses> wholeResponses() {
        FilterRegistrationBean<WholeResponses> registration = new FilterRegistrationBean<>(new WholeResponses());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(@Value("${app.web.max-request-body:64KB}") DataSize maxBody) {
        FilterRegistrationBean<RequestBodyLimit> registration = new FilterRegistrationBean<>(new RequestBodyLimit(maxBody));
        // Before Spring Security and everything else that might read the body.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }

    @Bean
    @ConditionalOnClass(StandardHost.class)
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportValve() {
        return factory -> {
            // Set before the host starts, which is when it installs its error report valve.
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ProblemReportValve.class.getName());
                }
            });
            // Tomcat refuses TRACE itself, with an empty body no valve sees; let through, it meets Spring
            // Security's firewall, which refuses it (it never reaches a servlet that would echo it) as a problem.
            factory.addConnectorCustomizers(connector -> connector.setAllowTrace(true));
        };
    }
}
