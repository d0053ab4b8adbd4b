package io.orderpayment.axon.config;

import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * With {@code app.node-id} set, this instance claims event processor segments under that name
 * instead of Axon's default {@code pid@host}, which is neither readable nor unique when several
 * instances run in containers (every one is pid 1) or in one JVM.
 */
@AutoConfiguration(beforeName = "org.axonframework.springboot.autoconfig.JpaAutoConfiguration")
@ConditionalOnProperty("app.node-id")
public class TokenOwnerAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TokenStore tokenStore(Serializer serializer, EntityManagerProvider entityManagerProvider,
                          TokenStoreProperties tokenStoreProperties, @Value("${app.node-id}") String nodeId) {
        return JpaTokenStore.builder()
                .entityManagerProvider(entityManagerProvider)
                .serializer(serializer)
                .claimTimeout(tokenStoreProperties.getClaimTimeout())
                .nodeId(nodeId)
                .build();
    }
}
