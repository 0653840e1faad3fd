package nl.wijkzaken.residents;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(ResidentsProperties.class)
class ResidentsConfiguration {
}
