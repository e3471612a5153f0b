import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MeetingsController } from './meetings.controller.js';
import { MeetingsService } from './meetings.service.js';
import { Meeting, MeetingEvent, MeetingPhase } from './meeting.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([Meeting, MeetingPhase, MeetingEvent])],
  controllers: [MeetingsController],
  providers: [MeetingsService],
  exports: [MeetingsService],
})
export class MeetingsModule {}
