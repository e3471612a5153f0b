import 'reflect-metadata';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/config.js';
import { LiveIoAdapter } from './live/live.adapter.js';

export const JSON_BODY_LIMIT = '64kb';

/** Builds the whole app (REST, OpenAPI, static web); used by main.ts and by every test. */
export async function createApp(config: AppConfig, databaseUrl: string): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl), {
    bufferLogs: true,
    bodyParser: false,
    // From the first step of a shutdown, a request on a kept-alive connection gets 503 (see graceful-shutdown.ts).
    return503OnClosing: true,
  });
  app.useLogger(app.get(Logger));
  // One proxy in front: req.ip is the address it appended to X-Forwarded-For. `true` would take the leftmost
  // entry, which the client writes itself, and let anyone dodge the per-address sign-in throttle.
  if (config.trustProxy) app.set('trust proxy', 1);
  app.disable('x-powered-by');
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT });
  app.use(cookieParser());
  app.setGlobalPrefix('api');
  // Live meetings: socket.io on the same HTTP server, shared through Redis when REDIS_URL is set.
  const live = new LiveIoAdapter(app, config);
  await live.connect();
  app.useWebSocketAdapter(live);

  const openapi = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle('Tillit API').setVersion('0.1.0').addCookieAuth('tillit_session').build(),
  );
  SwaggerModule.setup('api/docs', app, openapi, { jsonDocumentUrl: 'api/openapi.json' });

  if (config.webDist && existsSync(path.join(config.webDist, 'index.html'))) {
    const index = path.join(config.webDist, 'index.html');
    app.useStaticAssets(config.webDist, { index: false, maxAge: '1h' });
    // Client-side routes (/teams/…, /join/…) get the app; /api and /socket.io stay with the server.
    app.use((req: Request, res: Response, next: NextFunction) => {
      if (req.method !== 'GET' || req.path.startsWith('/api') || req.path.startsWith('/socket.io')) return next();
      res.sendFile(index);
    });
  }
  return app;
}
