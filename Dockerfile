# Tillit: API + built web app on one port. Used by docker-compose.yml; not built on our CI machines.
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN npm install -g pnpm@10.34.9
COPY . .
RUN pnpm install --frozen-lockfile && pnpm build && pnpm deploy --filter @tillit/api --prod --legacy /out \
 && cp -r apps/web/dist /out/web

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production PORT=3000 WEB_DIST=/app/web
COPY --from=build /out /app
USER node
EXPOSE 3000
CMD ["node", "--enable-source-maps", "dist/main.js"]
