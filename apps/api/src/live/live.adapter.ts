import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { LIVE_LIMITS, SOCKET_OPTIONS } from '@tillit/protocol';
import { Redis } from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';
import { shutdownStep } from '../common/shutdown.js';
import type { AppConfig } from '../config/config.js';

/**
 * socket.io as Tillit runs it: WebSocket transport only (no sticky sessions needed behind a proxy),
 * messages capped at 64 KB, and with REDIS_URL rooms shared between API nodes through Redis pub/sub.
 */
export class LiveIoAdapter extends IoAdapter {
  private redisAdapter?: ReturnType<typeof createAdapter>;
  private readonly clients: Redis[] = [];

  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(app);
  }

  /** Connects to Redis when configured; call before the app listens. */
  async connect(): Promise<void> {
    if (!this.config.redisUrl) return;
    const pub = new Redis(this.config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 3 });
    const sub = pub.duplicate();
    this.clients.push(pub, sub);
    await Promise.all([pub.connect(), sub.connect()]);
    this.redisAdapter = createAdapter(pub, sub, { key: this.config.redisPrefix, requestsTimeout: 3000 });
  }

  override createIOServer(port: number, options?: ServerOptions) {
    const server = super.createIOServer(port, {
      ...options,
      path: SOCKET_OPTIONS.path,
      transports: ['websocket'],
      maxHttpBufferSize: LIVE_LIMITS.maxMessageBytes,
      serveClient: false,
      // Origins are checked in the handshake middleware (with a typed error), not by CORS.
      cors: undefined,
      pingInterval: 10_000,
      pingTimeout: 10_000,
    } as ServerOptions);
    if (this.redisAdapter) server.adapter(this.redisAdapter);
    return server;
  }

  /** On shutdown, once the work in flight has finished (graceful-shutdown.ts). */
  override async close(server: Parameters<IoAdapter['close']>[0]): Promise<void> {
    // Closes each connection without a disconnect packet: clients reconnect by themselves (to another node, or
    // to this one when it is back) and catch up from their lastSeq.
    shutdownStep(`Closing the live server (${(server as Server).engine?.clientsCount ?? 0} connection(s))`);
    await super.close(server);
    if (this.clients.length > 0) shutdownStep('Closing the Redis connections');
    await Promise.all(this.clients.splice(0).map((c) => c.quit().catch(() => c.disconnect())));
  }
}
