# 物业通 BFF: the compiled API + worker (docs/production.md). The Docker engine does not run on the
# machines this repository is developed on: every command below is one tests/production-build.test.ts
# proves outside Docker (see docs/production.md, Docker and nginx).

# --- build: every dependency, the generated Prisma client, bff/dist and the H5 app ---------------
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json prisma.config.ts ./
COPY bff/package.json bff/
COPY miniapp/package.json miniapp/
COPY simulator/package.json simulator/
COPY patches patches
COPY prisma prisma
# postinstall: patch-package (@prisma/adapter-pg) and prisma generate (node_modules/.prisma)
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build
# Migrations run from this stage (the runtime has no Prisma CLI):
#   docker build --target build -t wyt-build . && docker run --rm -e DATABASE_URL=… wyt-build npm run db:migrate

# --- runtime: production dependencies only, the compiled BFF, not root ---------------------------
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
COPY bff/package.json bff/
COPY miniapp/package.json miniapp/
COPY simulator/package.json simulator/
# --ignore-scripts: the root postinstall needs the devDependencies patch-package and prisma; what it
# makes is copied from the build stage instead.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/node_modules/.prisma node_modules/.prisma
COPY --from=build /app/node_modules/@prisma/adapter-pg node_modules/@prisma/adapter-pg
COPY --from=build /app/bff/dist bff/dist
USER node
# The public port; /metrics is on METRICS_PORT (9464) and WORKER_METRICS_PORT (9465), set
# METRICS_HOST=0.0.0.0 for a scraper outside the container.
EXPOSE 3000
ENV HOST=0.0.0.0 TRUST_PROXY=true
# `npm start` without npm in between, so SIGTERM reaches start.js (which passes it to both processes).
CMD ["node", "--enable-source-maps", "bff/dist/start.js"]

# --- h5: the H5 app as static files behind nginx (deploy/nginx.conf) ------------------------------
FROM nginx:1.26-bookworm AS h5
COPY --from=build /app/miniapp/dist-h5 /usr/share/nginx/html
COPY deploy/nginx.conf /etc/nginx/conf.d/default.conf
