# A local stand-in for the official redis image (see postgres.Dockerfile): redis-server on port
# 6379 of every interface, data in /data, redis-cli for the health check.
ARG BASE_IMAGE=localhost/debian-py:bookworm
FROM ${BASE_IMAGE}

RUN apt-get update \
    && apt-get install -y --no-install-recommends redis-server=5:7.* \
    && rm -rf /var/lib/apt/lists/* \
    && install --directory --owner redis --group redis /data

WORKDIR /data
# hadolint ignore=DL3066
USER redis
EXPOSE 6379
CMD ["redis-server", "--bind", "0.0.0.0", "--protected-mode", "no", "--dir", "/data"]
