/**
 * Kysely as a typed SQL builder only: queries are compiled here to `{ sql, parameters }` and run through the
 * TypeORM DataSource or a transaction's EntityManager, so the pool, transactions and error types stay theirs
 * (Kysely's "splitting query building and execution"). Used where one hand-shaped statement is measured to
 * matter (the live hot path); everything else goes through TypeORM.
 */
import {
  type CompiledQuery,
  type Compilable,
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type Generated,
} from 'kysely';
import type { MeetingState, OrgRole, PhaseKind, TeamRole } from '@tillit/protocol';
import type { EntityManager } from 'typeorm';

/** The tables the hot path's statements touch, as PostgreSQL has them (snake_case, see the migrations). */
export interface Database {
  meetings: {
    id: string;
    team_id: string;
    state: MeetingState;
    facilitator_id: string | null;
    current_phase_index: number;
    input_locked: boolean;
    last_seq: number;
  };
  meeting_phases: {
    id: string;
    meeting_id: string;
    position: number;
    kind: PhaseKind;
  };
  meeting_events: {
    id: Generated<string>;
    meeting_id: string;
    seq: number;
    op_id: string;
    command: string;
    type: string;
    payload: unknown;
    result: unknown;
    actor_id: string | null;
    created_at: Generated<Date>;
  };
  items: {
    id: string;
    team_id: string;
    kind: string;
    text: string;
    status: string;
    author_id: string | null;
    owner_id: string | null;
    due_date: string | null;
    parent_id: string | null;
    notes: string;
    origin_meeting_id: string | null;
    origin_phase_id: string | null;
    last_meeting_id: string | null;
    created_at: Date;
    updated_at: Date;
  };
  sessions: { id: string; user_id: string };
  teams: { id: string; organization_id: string };
  team_members: { team_id: string; user_id: string; role: TeamRole };
  organization_members: { organization_id: string; user_id: string; role: OrgRole };
}

/** Builds and compiles; it cannot execute (the dummy driver): run a compiled query with `runQuery`. */
export const sqlBuilder = new Kysely<Database>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

/** Runs a compiled query on the pool (a DataSource) or inside a transaction (its EntityManager). */
export async function runQuery<R>(runner: Pick<EntityManager, 'query'>, query: CompiledQuery<R>): Promise<R[]> {
  return (await runner.query(query.sql, query.parameters as unknown[])) as R[];
}

/** Stands in for a value while a statement's shape is compiled; `read` finds the value in each use's values. */
class Placeholder<V> {
  constructor(readonly read: (values: V) => unknown) {}
}

/** Gives a placeholder for one value (typed as the value, so the builder code reads as with real values). */
export type ValueOf<V> = <T>(read: (values: V) => T) => T;

/**
 * A statement whose SQL depends only on its shape (say, how many commands of which kinds) is built and
 * compiled once per shape, with placeholders where the values go; every use then only reads its values into
 * the parameters. The builder must use values only as values (never to decide the shape: that is `shape`).
 */
export class StatementShapes<S, V, R> {
  private readonly compiled = new Map<string, CompiledQuery<R>>();

  constructor(
    private readonly build: (shape: S, value: ValueOf<V>) => Compilable<R>,
    private readonly max = 1_000,
  ) {}

  compile(key: string, shape: S, values: V): CompiledQuery<R> {
    let template = this.compiled.get(key);
    if (!template) {
      if (this.compiled.size >= this.max) this.compiled.clear();
      template = this.build(shape, (read) => new Placeholder(read) as never).compile();
      this.compiled.set(key, template);
    }
    return {
      ...template,
      parameters: template.parameters.map((p) => (p instanceof Placeholder ? (p as Placeholder<V>).read(values) : p)),
    };
  }
}
