import { type DynamicModule, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { AuthModule } from './auth/auth.module.js';
import { CsrfMiddleware } from './auth/csrf.middleware.js';
import { ErrorFilter } from './common/error.filter.js';
import { EthicsModule } from './ethics/ethics.module.js';
import { KasamModule } from './kasam/kasam.module.js';
import { ImprovementModule } from './improvement/improvement.module.js';
import { APP_CONFIG, type AppConfig } from './config/config.js';
import { dataSourceOptions } from './database/data-source.js';
import { ForumsModule } from './forums/forums.module.js';
import { HealthController } from './health/health.controller.js';
import { ItemsModule } from './items/items.module.js';
import { HealthRepository } from './health/health.repository.js';
import { LiveModule } from './live/live.module.js';
import { MeetingsModule } from './meetings/meetings.module.js';
import { APP_RITUALS } from './rituals.js';
import { SteeringModule } from './steering/steering.module.js';
import { TenancyModule } from './teams/tenancy.module.js';

/** Invite tokens travel in paths; keep them out of logs. */
const redactUrl = (url: string | undefined) => (url ?? '').replace(/(\/(?:invites|join)\/)[^/?]+/g, '$1[token]');

@Module({})
export class AppModule implements NestModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            // Logs never hold cookies, tokens, passwords or text people wrote: only method, path and status.
            serializers: {
              req: (req: { method: string; url: string; id: unknown }) => ({
                id: req.id,
                method: req.method,
                url: redactUrl(req.url),
              }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
            autoLogging: { ignore: (req) => req.url === '/api/health' },
          },
        }),
        TypeOrmModule.forRoot({ ...dataSourceOptions(databaseUrl), autoLoadEntities: true }),
        AuthModule,
        TenancyModule,
        ForumsModule,
        ItemsModule,
        MeetingsModule,
        LiveModule.forRoot(APP_RITUALS),
        SteeringModule,
        EthicsModule,
        KasamModule,
        ImprovementModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: APP_FILTER, useClass: ErrorFilter },
        HealthRepository,
      ],
      exports: [APP_CONFIG],
      global: true,
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CsrfMiddleware).forRoutes('*path');
  }
}
