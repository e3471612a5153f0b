import { Module } from '@nestjs/common';
import { EthicsController } from './ethics.controller.js';
import { EthicsRepository } from './ethics.repository.js';
import { EthicsService } from './ethics.service.js';

/** Ethics forum: themes (REST) and group notes; its live commands are registered in live/commands. */
@Module({
  controllers: [EthicsController],
  providers: [EthicsService, EthicsRepository],
})
export class EthicsModule {}
