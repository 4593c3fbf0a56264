# Production image: a Next.js production build run by server.mjs (request ids, JSON request
# logs, metrics, graceful shutdown) as a non-root user.
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx next build && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0
# The image is a deployment, even on the embedded database: it refuses to start without
# OAUTH2_ISSUER (no issuer from the Host header), and never creates the demo users, whose
# passwords are published in the README.
ENV OAUTH2_REQUIRE_ISSUER=on OAUTH2_DEMO_USERS=off
WORKDIR /app
# The app with production dependencies only; the sources stay so that
# `npm run manage -- cleartokens` (tsx) works inside the container, e.g. from cron.
COPY --from=build --chown=node:node /app /app
USER node
EXPOSE 3000
# Node is PID 1 and receives SIGTERM itself (no npm/npx wrapper in between): server.mjs stops
# accepting, answers /api/ready with 503, finishes requests in flight
# (OAUTH2_SHUTDOWN_TIMEOUT_SECONDS, default 25: keep it under the orchestrator's stop grace
# period, docker's default is 10 s, compose sets 30 s), closes the database and exits 0.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "server.mjs"]
