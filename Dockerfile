# syntax=docker/dockerfile:1
#
# One image for the whole monorepo: every app and the migration runner. Pick the process with the
# command, e.g.
#   docker run ghcr.io/open-sell/crm node apps/records/dist/main.js
#   docker run ghcr.io/open-sell/crm node launcher/dist/migrate.js
# Apps: gateway, records, communications, mail-ingest, telephony, distribution.

# ---------------------------------------------------------------------------------------------
# Build: full install (TypeScript, turbo, swc are dev dependencies), compile every workspace,
# then drop dev dependencies and stage only what the runtime needs under /out.
FROM node:20-slim AS build
WORKDIR /src
ENV TURBO_TELEMETRY_DISABLED=1 \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false

COPY . .
# The npm cache mount keeps downloads between builds without putting them in a layer.
RUN --mount=type=cache,target=/root/.npm npm ci
RUN npm run build

# Production dependencies only. Workspace packages stay linked (relative symlinks in
# node_modules/@crm), so the staged tree keeps the same layout as the repository. A workspace's
# own node_modules holds what npm could not hoist (version conflicts), so it is copied too.
# apps/web/dist is the built web app: static files the gateway serves at / (WEB_ROOT=/app/apps/web/dist);
# the image must not ship without it.
RUN npm prune --omit=dev \
 && mkdir -p /out \
 && cp package.json package-lock.json /out/ \
 && cp -a node_modules /out/node_modules \
 && for dir in packages/* apps/* launcher; do \
      [ -f "$dir/package.json" ] || continue; \
      mkdir -p "/out/$dir"; \
      cp "$dir/package.json" "/out/$dir/"; \
      if [ -d "$dir/dist" ]; then cp -a "$dir/dist" "/out/$dir/"; fi; \
      if [ -d "$dir/node_modules" ]; then cp -a "$dir/node_modules" "/out/$dir/"; fi; \
    done \
 && test -f /out/apps/web/dist/index.html

# ---------------------------------------------------------------------------------------------
# Runtime: compiled JavaScript and production node_modules, no sources, no compilers.
FROM node:20-slim AS runtime
LABEL org.opencontainers.image.title="open-sell CRM" \
      org.opencontainers.image.description="Self-hostable sales CRM compatible with Zendesk Sell's Core API v2" \
      org.opencontainers.image.source="https://github.com/open-sell/crm"
ENV NODE_ENV=production
WORKDIR /app

# Files stay owned by root, so the process (which is not root) cannot change its own code; this
# also lets Kubernetes mount the root filesystem read-only.
COPY --from=build /out ./

# The node user of the base image, given by number: Kubernetes can only verify runAsNonRoot for
# a numeric user.
USER 1000:1000

# 3000: HTTP (health, metrics; the gateway's public API). 2525: SMTP (mail-ingest only).
EXPOSE 3000 2525

# Nest enables shutdown hooks, so node handles SIGTERM itself (drains, closes NATS and Postgres).
CMD ["node", "apps/gateway/dist/main.js"]
