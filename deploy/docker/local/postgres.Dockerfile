# A local stand-in for the official postgres image, for machines that reach Debian's mirror but
# no container registry (make deploy-smoke). The same interface as far as compose.yaml uses it:
# POSTGRES_PASSWORD, POSTGRES_USER, POSTGRES_DB, PGDATA, pg_isready, port 5432.
ARG BASE_IMAGE=localhost/debian-py:bookworm
FROM ${BASE_IMAGE}

# No default cluster at install time: the entrypoint makes one in PGDATA on first start.
RUN mkdir -p /etc/postgresql-common/createcluster.d \
    && echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.d/no-main.conf \
    && apt-get update \
    && apt-get install -y --no-install-recommends postgresql-15=15.* \
    && rm -rf /var/lib/apt/lists/* \
    && install --directory --owner postgres --group postgres --mode 700 /var/lib/postgresql/data

ENV PATH=/usr/lib/postgresql/15/bin:$PATH \
    PGDATA=/var/lib/postgresql/data
COPY postgres-entrypoint.sh /usr/local/bin/postgres-entrypoint.sh
# The package made the user with whatever system uid was free: a name is all there is.
# hadolint ignore=DL3066
USER postgres
EXPOSE 5432
STOPSIGNAL SIGINT
CMD ["/usr/local/bin/postgres-entrypoint.sh"]
