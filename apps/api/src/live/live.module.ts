import { type DynamicModule, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { CommandRunner } from './command-runner.service.js';
import { GracefulShutdown } from './graceful-shutdown.js';
import { LiveGateway } from './live.gateway.js';
import { LiveHub } from './live.hub.js';
import { LiveMetrics } from './live.metrics.js';
import { LIVE_RITUALS, type LiveRituals } from './ritual.js';
import { TeamChangedInterceptor } from './team-changed.js';

/** Live meetings over socket.io: see README.md. */
@Module({})
export class LiveModule {
  /** The engine with the rituals the app assembled; `LIVE_RITUALS` is global (meetings read snapshots with it too). */
  static forRoot(rituals: LiveRituals): DynamicModule {
    return {
      module: LiveModule,
      global: true,
      providers: [
        { provide: LIVE_RITUALS, useValue: rituals },
        LiveGateway,
        CommandRunner,
        LiveHub,
        LiveMetrics,
        GracefulShutdown,
        { provide: APP_INTERCEPTOR, useClass: TeamChangedInterceptor },
      ],
      exports: [LiveHub, LIVE_RITUALS],
    };
  }
}
