# syntax=docker/dockerfile:1
# Threadline: the GraphQL server, the CLI and the dashboard web app in one image.
# Built the way the README builds it (npm ci, npm run build); runs `threadline serve` as the
# unprivileged `node` user. docs/deploy.md explains the image and compose.yaml; a test
# (test/project/container.test.ts) keeps the invariants below from rotting.

ARG NODE_IMAGE=node:20-bookworm-slim

# better-sqlite3 (the default store) compiles its native module when no prebuilt one downloads.
FROM ${NODE_IMAGE} AS toolchain
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app

# Every dependency, to build the server (tsc) and the web app (Vite).
FROM toolchain AS build
COPY package.json package-lock.json ./
# Only better-sqlite3 needs its install script (package.json "allowScripts").
RUN npm ci --ignore-scripts && npm rebuild better-sqlite3
COPY . .
RUN npm run build

# Only what runs: no compilers, no dev dependencies.
FROM toolchain AS runtime-deps
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm rebuild better-sqlite3 && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=4000
WORKDIR /app
COPY --from=runtime-deps /app/node_modules ./node_modules
COPY package.json package-lock.json README.md ./
COPY bin ./bin
COPY schema ./schema
COPY docs ./docs
COPY plugins/README.md ./plugins/README.md
COPY --from=build /app/dist/src ./dist/src
COPY --from=build /app/dist/plugins ./dist/plugins
COPY --from=build /app/dist/migrations ./dist/migrations
COPY --from=build /app/dist/schema ./dist/schema
COPY --from=build /app/dist/web ./dist/web
# The embedded SQLite store and the demo token live in /app/data (a volume); the rest is read-only to the app.
RUN mkdir -p /app/data && chown node:node /app/data
VOLUME ["/app/data"]
USER node
EXPOSE 4000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["node", "bin/threadline.js"]
CMD ["serve"]
