package nl.wijkzaken.models.internal;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a deployed model may contain ({@code wijkzaken.models} in application.yml): the one place that lists the
 * beans expressions may use and the methods they may call on them. See {@link DeploymentPolicy}.
 *
 * @param allowedProcessKeys  the processes a deployment may contain; a new process needs a developer (beans,
 *                            forms, authorizations), a process owner changes the existing ones
 * @param eventStartEvents    process-level start events with a timer, message, signal or condition that are
 *                            meant to be there, as {@code process-key:start-event-id}; every other one is refused
 * @param expressionBeans     bean name to the methods an expression may call on it (empty: the bean may only be
 *                            named as a whole, e.g. as a delegate or listener); {@code execution} and {@code task}
 *                            may be listed the same way
 */
@ConfigurationProperties("wijkzaken.models")
record ModelPolicyProperties(List<String> allowedProcessKeys, List<String> eventStartEvents,
                             Map<String, List<String>> expressionBeans) {

    ModelPolicyProperties {
        allowedProcessKeys = allowedProcessKeys == null ? List.of() : allowedProcessKeys;
        eventStartEvents = eventStartEvents == null ? List.of() : eventStartEvents;
        expressionBeans = expressionBeans == null ? Map.of() : expressionBeans;
    }
}
