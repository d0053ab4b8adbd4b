package io.orderpayment.operations.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdminSecurityAutoConfigurationTest {

    private final AdminSecurityAutoConfiguration configuration = new AdminSecurityAutoConfiguration();

    @Test
    void whereAPasswordIsRequiredTheServiceDoesNotStartWithoutOne() {
        assertThatThrownBy(() -> configuration.adminUser(" ", true, configuration.adminPasswordEncoder()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ADMIN_PASSWORD");
    }

    @Test
    void aPasswordGivenIsThePasswordOfUserAdmin() {
        assertThat(configuration.adminUser("s3cret", true, configuration.adminPasswordEncoder()).loadUserByUsername("admin").getPassword()).isNotBlank();
    }

    @Test
    void otherwiseARandomPasswordIsChosen() {
        assertThat(configuration.adminUser("", false, configuration.adminPasswordEncoder()).loadUserByUsername("admin")).isNotNull();
    }
}
