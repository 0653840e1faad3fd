-- Every refused attempt to deploy a model (see nl.wijkzaken.models.DeploymentPolicy): who, when, which
-- deployment and files, and the Dutch reason they were given. Written in a transaction of its own, because the
-- deployment itself rolls back.
CREATE TABLE model_deployment_refusal (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    refused_at      TIMESTAMP     NOT NULL,
    refused_by      VARCHAR(255),
    deployment_name VARCHAR(255),
    resources       VARCHAR(4000) NOT NULL,
    reason          VARCHAR(8000) NOT NULL
);

CREATE INDEX model_deployment_refusal_at ON model_deployment_refusal (refused_at);
