# chartql's production image. Build and run (see docs/deployment.md):
#   docker build -t chartql:0.1.0 .
#   docker run --rm -p 4001:4001 --cpus 2 -e RENDER_WORKERS=2 --stop-timeout 15 chartql:0.1.0
#
# Three stages share one base image, so canvas's native addon is compiled against the very Node
# and glibc it runs on: `deps` compiles canvas and installs production dependencies only,
# `build` compiles the TypeScript, and the final stage gets their output plus the runtime
# libraries and fonts, without compilers, headers or dev dependencies.
# Pin further with --build-arg NODE_IMAGE=node:24.x.y-trixie-slim or an @sha256 digest.
ARG NODE_IMAGE=node:24-trixie-slim

# Production node_modules, with canvas compiled from source against this image's own cairo and
# pango (as `make` does on a developer's machine) rather than fetched prebuilt.
FROM ${NODE_IMAGE} AS deps
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      python3 g++ make pkg-config \
      libcairo2-dev libpango1.0-dev libjpeg-dev libgif-dev librsvg2-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm_config_build_from_source=true npm ci --omit=dev --no-audit --no-fund

# The compiled service. tsc needs the dev dependencies but no native addon, so no install
# script runs here.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

FROM ${NODE_IMAGE} AS runtime
# canvas's shared libraries, and fonts: the service draws with its own DejaVu (assets/fonts);
# fontconfig falls back to these for glyphs DejaVu lacks (CJK, emoji). Installing fontconfig
# builds the system font cache here, so no process scans the fonts at start or writes a cache.
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      libcairo2 libpango-1.0-0 libpangocairo-1.0-0 libjpeg62-turbo libgif7 librsvg2-2 \
      fontconfig fonts-dejavu-core fonts-noto-cjk fonts-noto-color-emoji \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4001
COPY package.json ./
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY assets ./assets
# The playground links to the API reference; it serves the README beside its page.
COPY README.md ./
# The base image's `node` user, by number so Kubernetes' runAsNonRoot can verify it. The files
# above belong to root: the service can read its code but not change it.
USER 1000:1000
EXPOSE 4001
HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4001) + '/healthz', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Exec form, no shell or npm in between: node is PID 1, gets SIGTERM itself and drains.
CMD ["node", "dist/main.js"]
