package io.orderpayment.operations.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The operator endpoints ({@code /admin/**}, the console at {@code /console/}, and Actuator's beyond health, info and the Prometheus
 * scrape) need HTTP Basic as user {@code admin} with {@code app.admin.password} (a random one,
 * logged once at start-up, when none is set); the public API and its docs need nothing. Spring
 * Security's filter chain runs for the operator paths only, and {@link BrowserSafetyHeaders} writes
 * its response headers for every request (docs/adr/0033); its firewall still checks every request.
 */
@AutoConfiguration(before = SecurityAutoConfiguration.class)
public class AdminSecurityAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AdminSecurityAutoConfiguration.class);

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/admin/**", "/console/**", "/actuator/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        .anyRequest().hasRole("ADMIN"))
                .httpBasic(Customizer.withDefaults())
                // No browser sessions: no cookies, so no CSRF tokens. A browser's cached credentials are
                // guarded instead by refusing changes that another site sent.
                .csrf(csrf -> csrf.disable())
                .addFilterBefore(new CrossSiteRequestFilter(), BasicAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    FilterRegistrationBean<BrowserSafetyHeaders> browserSafetyHeaders() {
        FilterRegistrationBean<BrowserSafetyHeaders> registration = new FilterRegistrationBean<>(new BrowserSafetyHeaders());
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }

    @Bean
    UserDetailsService adminUser(@Value("${app.admin.password:}") String password,
                                 @Value("${app.admin.require-password:false}") boolean passwordRequired,
                                 PasswordEncoder adminPasswordEncoder) {
        if (password.isBlank() && passwordRequired) {
            // Where a deployment sets this (docker-compose.yml), a logged random password would go unnoticed.
            throw new IllegalStateException("app.admin.password is required here and not set (ADMIN_PASSWORD in docker compose)");
        }
        if (password.isBlank()) {
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            password = HexFormat.of().formatHex(random);
            log.warn("No app.admin.password set; the password of user 'admin' for /admin/** is: {}", password);
        }
        return new InMemoryUserDetailsManager(User.withUsername("admin")
                .password(adminPasswordEncoder.encode(password)).roles("ADMIN").build());
    }

    /** Spring Security checks Basic credentials with this one, as the only PasswordEncoder bean. */
    @Bean
    PasswordEncoder adminPasswordEncoder() {
        return new RememberingPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
    }
}
