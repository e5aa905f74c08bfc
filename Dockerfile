# Vectis part analyzer: the web app and the analysis API on one port.
#
#   docker build -t vectis-analyzer .
#   docker run -p 8080:8080 -e DATABASE_URL=... -e API_KEYS=... vectis-analyzer
#
# Stage 1 builds the web app (vite → dist/) and bundles the server and its worker threads
# (esbuild → dist-server/). Stage 2 installs production dependencies only. The runtime stage holds
# just those, the two build outputs, the SQL migrations and the ML model, and runs as the unprivileged `node`
# user. Without DATABASE_URL the server uses an embedded PGlite in /app/data: fine for a single
# container with a volume, lost on every App Platform deploy (set DATABASE_URL there).

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
# .npmrc keeps onnxruntime-node's install script from downloading CUDA files (see its comment).
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx vite build && node scripts/build-server.mjs

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM ${NODE_IMAGE}
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8080 \
    DATA_DIR=/app/data \
    STATIC_DIR=/app/dist
WORKDIR /app
COPY --from=deps --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
COPY --from=build --chown=root:root /app/dist-server ./dist-server
COPY --chown=root:root package.json ./
COPY --chown=root:root supabase/migrations ./supabase/migrations
# The segmentation model the workers run (the web app has its own copy among dist/'s assets).
COPY --chown=root:root models/vectis-brepnet.onnx ./models/vectis-brepnet.onnx
# The code is root's and read-only to the service; only the data directory is writable.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 8080
# Ready = an analysis engine has started in a worker thread (the first takes a few seconds).
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM: stop taking requests, finish the jobs in flight (up to SHUTDOWN_TIMEOUT_MS), exit.
STOPSIGNAL SIGTERM
CMD ["node", "dist-server/index.mjs"]
