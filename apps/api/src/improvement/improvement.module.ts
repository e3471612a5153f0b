import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ImprovementController } from './improvement.controller.js';
import { ImprovementRepository } from './improvement.repository.js';
import { ImprovementService } from './improvement.service.js';
import { IMPROVEMENT_ENTITIES } from './improvement.entities.js';

/** Improvement work (PDSA) between meetings; its live part is improvement.ritual.ts. See README.md. */
@Module({
  imports: [TypeOrmModule.forFeature(IMPROVEMENT_ENTITIES)],
  controllers: [ImprovementController],
  providers: [ImprovementService, ImprovementRepository],
})
export class ImprovementModule {}
