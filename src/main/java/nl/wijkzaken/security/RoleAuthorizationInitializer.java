package nl.wijkzaken.security;

import java.util.Arrays;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Applies role-authorizations.yml to the engine at start-up, in every profile, so the same file bootstraps
 * the demo groups and a municipality's own groups. Idempotent: only missing permissions are added.
 */
@Component
@Order(10)
@EnableConfigurationProperties(RoleAuthorizationProperties.class)
class RoleAuthorizationInitializer implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RoleAuthorizationInitializer.class);

    private final RoleAuthorizationProperties properties;
    private final AuthorizationService authorizationService;
    private final ProcessEngineConfigurationImpl engineConfiguration;

    RoleAuthorizationInitializer(RoleAuthorizationProperties properties, AuthorizationService authorizationService,
                                 ProcessEngineConfiguration engineConfiguration) {
        this.properties = properties;
        this.authorizationService = authorizationService;
        this.engineConfiguration = (ProcessEngineConfigurationImpl) engineConfiguration;
    }

    @Override
    public void run(ApplicationArguments args) {
        int added = 0;
        for (Map.Entry<String, RoleAuthorizationProperties.Role> role : properties.roles().entrySet()) {
            for (String group : role.getValue().groups()) {
                for (RoleAuthorizationProperties.Grant grant : role.getValue().grants()) {
                    added += grant(group, grant);
                }
            }
        }
        log.info("Role authorizations applied for {} roles ({} grants added)", properties.roles().size(), added);
    }

    private int grant(String groupId, RoleAuthorizationProperties.Grant grant) {
        Resource resource = resource(grant.resource());
        Authorization authorization = authorizationService.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(groupId)
                .resourceType(resource)
                .resourceId(grant.id())
                .singleResult();
        boolean isNew = authorization == null;
        if (isNew) {
            authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(grant.id());
        }
        boolean changed = isNew;
        for (String name : grant.permissions()) {
            Permission permission = engineConfiguration.getPermissionProvider()
                    .getPermissionForName(name, resource.resourceType());
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizationService.saveAuthorization(authorization);
            return 1;
        }
        return 0;
    }

    static Resource resource(String name) {
        return Arrays.stream(Resources.values())
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("role-authorizations.yml: unknown resource " + name));
    }
}
