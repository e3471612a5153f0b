import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { KasamController } from './kasam.controller.js';
import { KasamRepository } from './kasam.repository.js';
import { KasamService } from './kasam.service.js';
import { KasamBallot, KasamResult } from './kasam.entities.js';

/** KASAM dialogue: trend and follow-up (REST) and its tables; its live part is kasam.ritual.ts. */
@Module({
  imports: [TypeOrmModule.forFeature([KasamBallot, KasamResult])],
  controllers: [KasamController],
  providers: [KasamService, KasamRepository],
})
export class KasamModule {}
