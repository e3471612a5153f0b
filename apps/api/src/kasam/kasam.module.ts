import { Module } from '@nestjs/common';
import { KasamController } from './kasam.controller.js';
import { KasamRepository } from './kasam.repository.js';
import { KasamService } from './kasam.service.js';

/** KASAM dialogue: trend and follow-up (REST); its live commands are registered in live/commands. */
@Module({
  controllers: [KasamController],
  providers: [KasamService, KasamRepository],
})
export class KasamModule {}
