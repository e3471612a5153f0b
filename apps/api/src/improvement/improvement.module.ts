import { Module } from '@nestjs/common';
import { ImprovementController } from './improvement.controller.js';
import { ImprovementRepository } from './improvement.repository.js';
import { ImprovementService } from './improvement.service.js';

/** Improvement work (PDSA) between meetings; its live commands are registered with the live engine. See README.md. */
@Module({
  controllers: [ImprovementController],
  providers: [ImprovementService, ImprovementRepository],
})
export class ImprovementModule {}
