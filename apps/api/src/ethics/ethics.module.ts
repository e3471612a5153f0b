import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EthicsController } from './ethics.controller.js';
import { EthicsRepository } from './ethics.repository.js';
import { EthicsService } from './ethics.service.js';
import { BreakoutNotes, EthicsTheme, EthicsThemeUse } from './ethics.entities.js';

/** Ethics forum: themes (REST), group notes and its tables; its live part is ethics.ritual.ts. */
@Module({
  imports: [TypeOrmModule.forFeature([EthicsTheme, EthicsThemeUse, BreakoutNotes])],
  controllers: [EthicsController],
  providers: [EthicsService, EthicsRepository],
})
export class EthicsModule {}
