import { Module } from '@nestjs/common';
import { CommandRunner } from './command-runner.service.js';
import { LiveGateway } from './live.gateway.js';
import { LiveHub } from './live.hub.js';
import { LiveMetrics } from './live.metrics.js';

/** Live meetings over socket.io: see README.md. */
@Module({
  providers: [LiveGateway, CommandRunner, LiveHub, LiveMetrics],
  exports: [LiveHub],
})
export class LiveModule {}
