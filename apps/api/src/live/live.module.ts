import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { CommandRunner } from './command-runner.service.js';
import { GracefulShutdown } from './graceful-shutdown.js';
import { LiveGateway } from './live.gateway.js';
import { LiveHub } from './live.hub.js';
import { LiveMetrics } from './live.metrics.js';
import { TeamChangedInterceptor } from './team-changed.js';

/** Live meetings over socket.io: see README.md. */
@Module({
  providers: [LiveGateway, CommandRunner, LiveHub, LiveMetrics, GracefulShutdown, { provide: APP_INTERCEPTOR, useClass: TeamChangedInterceptor }],
  exports: [LiveHub],
})
export class LiveModule {}
