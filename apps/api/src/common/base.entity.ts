import { CreateDateColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The columns most tables share, declared once (TypeORM copies an abstract parent's columns into each
 * entity's own table: no table of its own, no join). A table whose key or timestamps differ keeps its own.
 */
export abstract class EntityBase {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
