# The app for docker-compose.yml (the optional Docker path; the README's default is Node and Maven).
# Built with the dev dependencies, run with the production ones only.
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY public ./public
# npm ci runs the prepare step, which builds dist/ and public/js/.
RUN npm ci --no-audit --no-fund

FROM node:20-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
WORKDIR /app
COPY package.json package-lock.json ./
# No scripts: prepare would build again, without the compiler the production install leaves out.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY --from=build /app/public ./public
COPY views ./views
COPY seed ./seed
USER node
EXPOSE 3000
CMD ["node", "dist/server.js"]
