import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ForumsController } from './forums.controller.js';
import { ForumsRepository } from './forums.repository.js';
import { ForumsService } from './forums.service.js';
import { Forum } from './forum.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([Forum])],
  controllers: [ForumsController],
  providers: [ForumsService, ForumsRepository],
  exports: [ForumsService],
})
export class ForumsModule {}
