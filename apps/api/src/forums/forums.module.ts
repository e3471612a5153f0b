import { Module } from '@nestjs/common';
import { ForumsController } from './forums.controller.js';
import { ForumsRepository } from './forums.repository.js';
import { ForumsService } from './forums.service.js';

@Module({
  controllers: [ForumsController],
  providers: [ForumsService, ForumsRepository],
  exports: [ForumsService],
})
export class ForumsModule {}
