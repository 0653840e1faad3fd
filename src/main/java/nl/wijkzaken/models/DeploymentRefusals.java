package nl.wijkzaken.models;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import nl.wijkzaken.shared.EngineClock;

/** The record of refused deployments, for the deployment log. */
@Service
public class DeploymentRefusals {

    private static final Logger LOG = LoggerFactory.getLogger(DeploymentRefusals.class);
    private static final String SEPARATOR = "\n";

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    DeploymentRefusals(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Stores a refusal in a transaction of its own: the deployment's transaction is about to roll back. */
    public void record(String user, String deploymentName, List<String> resources, String reason) {
        try {
            ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                            INSERT INTO model_deployment_refusal
                                (id, refused_at, refused_by, deployment_name, resources, reason)
                            VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(UUID.randomUUID().toString(), Timestamp.from(EngineClock.now()), user,
                            truncate(deploymentName, 255), truncate(String.join(SEPARATOR, resources), 4000),
                            truncate(reason, 8000))
                    .update());
        } catch (RuntimeException e) {
            // The refusal itself must reach the deployer even when it cannot be recorded (it is logged at WARN).
            LOG.error("Could not record the refused deployment '{}'", deploymentName, e);
        }
    }

    /** Every refused deployment, newest first. */
    public List<RefusedDeployment> all() {
        return jdbc.sql("""
                        SELECT refused_at, refused_by, deployment_name, resources, reason
                        FROM model_deployment_refusal ORDER BY refused_at DESC""")
                .query((rs, row) -> new RefusedDeployment(rs.getTimestamp("refused_at").toInstant(),
                        rs.getString("refused_by"), rs.getString("deployment_name"),
                        Arrays.asList(rs.getString("resources").split(SEPARATOR)), rs.getString("reason")))
                .list();
    }

    private static String truncate(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }

    /** @param refusedBy the user, or null for the deployment at start-up */
    public record RefusedDeployment(Instant refusedAt, String refusedBy, String deploymentName, List<String> resources,
                                    String reason) {
    }
}
