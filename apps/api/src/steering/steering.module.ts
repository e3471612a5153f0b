import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { FeedbackController } from './feedback/feedback.controller.js';
import { MinutesExportController } from './minutes/minutes-export.controller.js';
import { PlansController } from './plans/plans.controller.js';
import { RisksController } from './risks/risks.controller.js';
import { SteeringSettingsController } from './settings/settings.controller.js';
import { SteeringSettingsRepository } from './settings/steering-settings.repository.js';
import { SteeringService } from './steering.service.js';
import { STEERING_ENTITIES } from './steering.entities.js';

/** Daily steering between meetings (REST). Its live part is steering.ritual.ts. See README.md. */
@Module({
  imports: [TypeOrmModule.forFeature(STEERING_ENTITIES), MeetingsModule],
  controllers: [
    PlansController,
    RisksController,
    FeedbackController,
    SteeringSettingsController,
    MinutesExportController,
  ],
  providers: [SteeringService, SteeringSettingsRepository],
})
export class SteeringModule {}
