import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';

type IsolationLevel = Parameters<EntityManager['transaction']>[0] & string;

/**
 * How the REST side reaches the database: every query is in a `<domain>.repository.ts` class built on this.
 * A repository runs on the EntityManager it is made with — inside a transaction, the caller's
 * (`new PlansRepository(c.m)`); as the Nest provider a service injects, the default connection. A service
 * opens a transaction with `transaction` and makes the repositories its work needs on that transaction's
 * manager, so nothing is injected that the work does not use.
 */
@Injectable()
export abstract class RepositoryBase {
  constructor(@InjectEntityManager() protected readonly m: EntityManager) {}

  /** Runs `work` in a new transaction (a savepoint when this repository already runs in one). */
  transaction<T>(work: (m: EntityManager) => Promise<T>, isolation?: IsolationLevel): Promise<T> {
    return isolation ? this.m.transaction(isolation, work) : this.m.transaction(work);
  }
}
