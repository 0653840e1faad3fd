-- Neighbourhoods (wijken/kernen) the municipality works in. The code is what models and APIs use.
CREATE TABLE neighbourhood (
    code VARCHAR(64) NOT NULL PRIMARY KEY,
    name VARCHAR(200) NOT NULL
);
