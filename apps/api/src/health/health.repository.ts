import { RepositoryBase } from '../common/repository.js';

export class HealthRepository extends RepositoryBase {
  /** Throws when the database does not answer. */
  async ping(): Promise<void> {
    await this.m.query('SELECT 1');
  }
}
