package nl.wijkzaken.residents.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

@Configuration
@EnableConfigurationProperties(ResidentsProperties.class)
class ResidentsConfiguration {

    @Bean
    OpenAPI publicApiDescription() {
        return new OpenAPI().info(new Info().title("Wijkzaken public API").version("1")
                .description("Residents submit requests to the municipality and follow them with a secret status link. "
                        + "No login; rate-limited per client address. Texts for residents are Dutch."));
    }
}
