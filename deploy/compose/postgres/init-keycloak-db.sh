#!/bin/sh
# Keycloak keeps its realm in its own database on the same PostgreSQL (first start of the volume only).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" -c "create database keycloak owner $POSTGRES_USER"
