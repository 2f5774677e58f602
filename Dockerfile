# Dial-in in one image: the built PWA and the API server, on Node 22, as a non-root user.
# Each step is an npm script that `npm test` exercises (e2e/deploy.spec.ts):
#   build stage: npm ci + `npm run build`; image: `npm ci --omit=dev`, CMD = `npm run serve`,
#   HEALTHCHECK = `npm run healthcheck` (GET /api/health). Docker Compose: docker-compose.yml.

FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:22-bookworm-slim
WORKDIR /app
# PORT is read by the healthcheck too; DATA_DIR holds embedded PGlite when DATABASE_URL is unset.
ENV HOST=0.0.0.0 PORT=3000 DATA_DIR=/app/data
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
# The image's `node` user (uid 1000) owns only the data directory.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
VOLUME /app/data
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["npm", "run", "--silent", "healthcheck"]
# `npm run serve`, without npm in between so the server itself gets SIGTERM and closes cleanly.
CMD ["node", "dist/server/src/main.js"]
