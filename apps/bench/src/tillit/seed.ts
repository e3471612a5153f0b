/**
 * Real accounts, teams and live meetings for the load. One administrator signs up through the REST API and
 * creates the organisation, one team, forum and live meeting per room through it (the code the web app
 * uses). The participants are then written straight into the scratch database: real users (with the
 * administrator's argon2id hash, so each could sign in with the same known password), organisation and team
 * memberships, and sessions whose token hash is the sha256 of a known cookie token — exactly what sign-in
 * would store (apps/api/src/auth/sessions.service.ts). Signing up 1,000 people through REST would spend
 * minutes of the API's CPU on argon2 before the measurement even starts.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  CSRF_COOKIE,
  CSRF_HEADER,
  type ForumDto,
  type MeetingDto,
  type OrganizationDto,
  SESSION_COOKIE,
  type TeamDto,
  type UserDto,
} from '@tillit/protocol';
import pg from 'pg';

export const BENCH_PASSWORD = 'bench password 1234';

/** A browser as far as the API can tell: a cookie jar and the CSRF header. */
class RestClient {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly baseUrl: string) {}

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    if (method !== 'GET' && !this.cookies.has(CSRF_COOKIE)) await this.request('GET', '/api/auth/csrf');
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
        ...(method !== 'GET' ? { [CSRF_HEADER]: this.cookies.get(CSRF_COOKIE) ?? '' } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const c of res.headers.getSetCookie()) {
      const pair = c.split(';')[0]!;
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  post = <T>(path: string, body: unknown) => this.request<T>('POST', path, body);
}

export interface TillitRoom {
  teamId: string;
  meetingId: string;
}

export interface TillitSeat {
  idx: number;
  meetingId: string;
  cookie: string;
  userId: string;
}

async function pool<T, R>(items: T[], concurrency: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!);
      }
    }),
  );
  return out;
}

/** `rooms` teams, each with a forum and a live meeting, and `perRoom` participants in each. */
export async function seedTillit(
  apiUrl: string,
  databaseUrl: string,
  rooms: number,
  perRoom: number,
): Promise<{ seats: TillitSeat[]; rooms: TillitRoom[] }> {
  const admin = new RestClient(apiUrl);
  const me = await admin.post<UserDto>('/api/auth/sign-up', {
    email: `admin-${randomBytes(4).toString('hex')}@bench.example.se`,
    password: BENCH_PASSWORD,
    displayName: 'Bench Admin',
  });
  const org = await admin.post<OrganizationDto>('/api/organizations', { name: 'Benchmark' });
  const made = await pool(
    Array.from({ length: rooms }, (_, i) => i),
    8,
    async (i): Promise<TillitRoom> => {
      const team = await admin.post<TeamDto>(`/api/organizations/${org.id}/teams`, { name: `Lag ${i + 1}` });
      const forum = await admin.post<ForumDto>(`/api/teams/${team.id}/forums`, {
        kind: 'improvement',
        name: 'Förbättringsmöte',
        schedule: null,
        phases: [{ kind: 'capture', title: 'Idéer', timeboxSeconds: null, settings: { itemKinds: ['idea', 'risk'] } }],
        facilitation: { mode: 'fixed', userId: me.id },
      });
      const meeting = await admin.post<MeetingDto>(`/api/teams/${team.id}/forums/${forum.id}/meetings`, {});
      return { teamId: team.id, meetingId: meeting.id };
    },
  );

  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [
      me.id,
    ]);
    const hash = rows[0]!.password_hash;
    const n = rooms * perRoom;
    const tag = randomBytes(3).toString('hex');
    const tokens = Array.from({ length: n }, () => randomBytes(32).toString('base64url'));
    const users = await db.query<{ id: string }>(
      `INSERT INTO users (email, password_hash, display_name, locale)
       SELECT 'p' || i || '-' || $2 || '@bench.example.se', $1, 'Deltagare ' || i, 'sv' FROM generate_series(1, $3::int) AS i
       ORDER BY i RETURNING id`,
      [hash, tag, n],
    );
    const userIds = users.rows.map((r) => r.id);
    const teamIds = userIds.map((_, i) => made[Math.floor(i / perRoom)]!.teamId);
    await db.query(
      `INSERT INTO organization_members (organization_id, user_id, role) SELECT $1, u, 'member' FROM unnest($2::uuid[]) AS u`,
      [org.id, userIds],
    );
    await db.query(
      `INSERT INTO team_members (team_id, user_id, role) SELECT * , 'member' FROM unnest($1::uuid[], $2::uuid[])`,
      [teamIds, userIds],
    );
    await db.query(
      `INSERT INTO sessions (token_hash, user_id, last_seen_at, expires_at, user_agent)
       SELECT h, u, now(), now() + interval '30 days', 'tillit-bench' FROM unnest($1::text[], $2::uuid[]) AS t(h, u)`,
      [tokens.map((t) => createHash('sha256').update(t).digest('hex')), userIds],
    );
    const seats = userIds.map((userId, i) => ({
      idx: i,
      userId,
      meetingId: made[Math.floor(i / perRoom)]!.meetingId,
      cookie: `${SESSION_COOKIE}=${tokens[i]}`,
    }));
    return { seats, rooms: made };
  } finally {
    await db.end();
  }
}
