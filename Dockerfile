# syntax=docker/dockerfile:1
# Build: compile TypeScript (codegen runs from schema/ as part of `npm run build`).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json codegen.ts ./
COPY schema ./schema
COPY src ./src
COPY seed ./seed
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

# Run: production dependencies, compiled code, and the files read at run time
# (schema/*.graphql for the SDL, seed/data for seeding an empty database).
FROM node:20-bookworm-slim AS run
ENV NODE_ENV=production \
    PORT=4000 \
    HOST=0.0.0.0
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/schema ./schema
COPY --from=build --chown=node:node /app/seed/data ./seed/data
# The image's own unprivileged user (uid 1000).
USER node
EXPOSE 4000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node directly (not npm) so SIGTERM reaches the server and it drains gracefully.
CMD ["node", "dist/src/server.js"]
