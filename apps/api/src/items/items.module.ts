import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Item } from './item.entity.js';

/** The team's items (actions, ideas, risks …): written by live commands and the rituals, read by meetings. */
@Module({
  imports: [TypeOrmModule.forFeature([Item])],
})
export class ItemsModule {}
