package nl.wijkzaken.security.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * <p>
 * The file is authoritative for the role-wide grants of the groups it lists: a grant on "*" or on a definition,
 * deployment or application that the file no longer gives is taken away (a permission removed from the file stays
 * in an existing database otherwise). Grants on one task, instance, filter or group, which the engine and our
 * listeners make per case, are left alone, and so are the engine's administrator groups.
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
        int revoked = 0;
        for (Map.Entry<String, Map<String, Set<String>>> group : wanted().entrySet()) {
            if (engineConfiguration.getAdminGroups() == null || !engineConfiguration.getAdminGroups().contains(group.getKey())) {
                revoked += revokeUndefined(group.getKey(), group.getValue());
            }
        }
        log.info("Role authorizations applied for {} roles ({} grants added, {} reduced or removed)",
                properties.roles().size(), added, revoked);
    }

    /** Per group: "resourceType/id" to the permission names the file gives it (over all roles listing the group). */
    private Map<String, Map<String, Set<String>>> wanted() {
        Map<String, Map<String, Set<String>>> wanted = new HashMap<>();
        for (RoleAuthorizationProperties.Role role : properties.roles().values()) {
            for (String group : role.groups()) {
                Map<String, Set<String>> grants = wanted.computeIfAbsent(group, g -> new HashMap<>());
                for (RoleAuthorizationProperties.Grant grant : role.grants()) {
                    grants.computeIfAbsent(resource(grant.resource()).resourceType() + "/" + grant.id(),
                            key -> new HashSet<>()).addAll(grant.permissions());
                }
            }
        }
        return wanted;
    }

    private int revokeUndefined(String groupId, Map<String, Set<String>> wanted) {
        int revoked = 0;
        List<Authorization> existing = authorizationService.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(groupId).list();
        for (Authorization authorization : existing) {
            if (!roleWide(authorization)) {
                continue;
            }
            int type = authorization.getResourceType();
            Set<String> names = wanted.getOrDefault(type + "/" + authorization.getResourceId(), Set.of());
            Permission[] all = engineConfiguration.getPermissionProvider().getPermissionsForResource(type);
            boolean extra = Arrays.stream(authorization.getPermissions(all))
                    .anyMatch(p -> !"NONE".equals(p.getName()) && !names.contains(p.getName()));
            if (!extra) {
                continue;
            }
            if (names.isEmpty()) {
                authorizationService.deleteAuthorization(authorization.getId());
            } else {
                authorization.setPermissions(names.stream()
                        .map(name -> engineConfiguration.getPermissionProvider().getPermissionForName(name, type))
                        .toArray(Permission[]::new));
                authorizationService.saveAuthorization(authorization);
            }
            log.info("Group {} on resource type {} id {}: reduced to {} (role-authorizations.yml)", groupId, type,
                    authorization.getResourceId(), names.isEmpty() ? "nothing" : names);
            revoked++;
        }
        return revoked;
    }

    /** A grant for the whole role: on everything ("*"), or on a definition, deployment or application. */
    private static boolean roleWide(Authorization authorization) {
        int type = authorization.getResourceType();
        return "*".equals(authorization.getResourceId())
                || ROLE_WIDE_RESOURCES.stream().anyMatch(resource -> resource.resourceType() == type);
    }

    private static final List<Resource> ROLE_WIDE_RESOURCES = List.of(Resources.APPLICATION,
            Resources.PROCESS_DEFINITION, Resources.DECISION_DEFINITION, Resources.DECISION_REQUIREMENTS_DEFINITION,
            Resources.DEPLOYMENT, Resources.OPERATION_LOG_CATEGORY);

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
