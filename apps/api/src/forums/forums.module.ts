import { Module } from '@nestjs/common';
import { ForumsController } from './forums.controller.js';
import { ForumsService } from './forums.service.js';

@Module({
  controllers: [ForumsController],
  providers: [ForumsService],
  exports: [ForumsService],
})
export class ForumsModule {}
