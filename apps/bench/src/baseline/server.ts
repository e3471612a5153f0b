/**
 * The baseline: the physical limit of our stack. A bare socket.io server (the same 4.8.3 as Tillit) that
 * inserts each item into PostgreSQL with `pg` and broadcasts it to the room. No auth, no validation, no
 * event log, no ordering. Env: PORT, DATABASE_URL, REDIS_URL (optional: rooms shared between nodes).
 */
import { createServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import pg from 'pg';
import { Server } from 'socket.io';
import type { BaselineClientEvents, BaselineServerEvents } from './protocol.js';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
await pool.query(`CREATE TABLE IF NOT EXISTS bench_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(), room text NOT NULL, text text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now())`);

const http = createServer();
const io = new Server<BaselineClientEvents, BaselineServerEvents>(http, {
  transports: ['websocket'],
  serveClient: false,
});
if (process.env.REDIS_URL) {
  const pub = new Redis(process.env.REDIS_URL);
  io.adapter(createAdapter(pub, pub.duplicate(), { key: process.env.REDIS_PREFIX ?? 'bench-baseline' }));
}

io.on('connection', (socket) => {
  socket.on('join', async ({ room }, ack) => {
    await socket.join(room);
    ack({ ok: true });
  });
  socket.on('add', async ({ room, text }, ack) => {
    try {
      const { rows } = await pool.query<{ id: string; created_at: Date }>(
        'INSERT INTO bench_items (room, text) VALUES ($1, $2) RETURNING id, created_at',
        [room, text],
      );
      const row = rows[0]!;
      io.to(room).emit('item', { id: row.id, room, text, createdAt: row.created_at.toISOString() });
      ack({ ok: true, id: row.id });
    } catch (err) {
      ack({ ok: false, error: String(err) });
    }
  });
});

http.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = http.address();
  console.log(`baseline listening on ${typeof address === 'object' && address ? address.port : '?'}`);
});
const stop = () => {
  io.close();
  void pool.end().finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
