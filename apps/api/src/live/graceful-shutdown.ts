import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { DataSource } from 'typeorm';
import { shutdownStep } from '../common/shutdown.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { LiveHub } from './live.hub.js';
import type { LiveSocket } from './live.types.js';

/** After the drain, a connection still open this long (a client that never answers the WebSocket close) is cut. */
const CLOSE_TIMEOUT_MS = 3000;

/**
 * The app's part of a graceful shutdown (main.ts runs it with `app.close()`, then stops the embedded
 * PostgreSQL). Before the servers close: take no new work, and let the work in flight finish — REST requests,
 * and live messages until their ack has been sent, so no commit is cut off from its "saved" — for at most
 * the grace period. Nest then closes the live server (live.adapter.ts, with Redis) and the HTTP server, and
 * this closes the database pool, last.
 */
@Injectable()
export class GracefulShutdown implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Shutdown');
  private draining = false;
  private requests = 0;
  private messages = 0;
  private readonly connections = new Set<Socket>();
  private onIdle?: () => void;
  private cutOff?: NodeJS.Timeout;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly adapterHost: HttpAdapterHost,
    private readonly hub: LiveHub,
  ) {}

  private get http(): Server {
    return this.adapterHost.httpAdapter.getHttpServer() as Server;
  }

  onApplicationBootstrap(): void {
    this.http.on('connection', (socket: Socket) => {
      this.connections.add(socket);
      socket.once('close', () => this.connections.delete(socket));
    });
    this.http.on('request', (_req: unknown, res: ServerResponse) => {
      this.requests++;
      res.once('close', () => this.finished('request'));
    });
    this.hub.io.on('connection', (socket) => socket.use((packet, next) => this.message(socket, packet, next)));
  }

  /** Every live message passes here before the gateway: counted until its ack is sent, or dropped while draining. */
  private message(socket: LiveSocket, packet: unknown[], next: (err?: Error) => void): void {
    // Dropped unanswered: the client sends it again with the same opId once it has reconnected, to a server that
    // takes it (this one after its restart, or another node).
    if (this.draining) return;
    const ack = packet[packet.length - 1];
    // Only what a handler will answer: an event nobody listens to would never be acknowledged.
    if (typeof ack !== 'function' || socket.listenerCount(packet[0] as string) === 0) return next();
    let open = true;
    const done = () => {
      if (!open) return;
      open = false;
      this.finished('message');
    };
    this.messages++;
    packet[packet.length - 1] = (...args: unknown[]) => {
      try {
        (ack as (...a: unknown[]) => void)(...args);
      } finally {
        done();
      }
    };
    next();
    // socket.io hands the message to the gateway on the next tick, and drops it if the socket closed meanwhile.
    process.nextTick(() => {
      if (!socket.connected) done();
    });
  }

  private finished(what: 'request' | 'message'): void {
    if (what === 'request') this.requests--;
    else this.messages--;
    if (this.requests === 0 && this.messages === 0) this.onIdle?.();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.draining = true;
    // No new connections, HTTP or live; idle keep-alive connections close now, and a new request on a busy one
    // gets a 503 (`return503OnClosing` in app.ts).
    this.http.close();
    shutdownStep('Stopped accepting new requests and live connections');
    if (this.requests > 0 || this.messages > 0) {
      const graceMs = this.config.shutdownGraceMs;
      shutdownStep(
        `Waiting for ${this.requests} request(s) and ${this.messages} live message(s) in flight (at most ${graceMs / 1000} s)`,
      );
      const finished = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), graceMs);
        this.onIdle = () => {
          clearTimeout(timer);
          resolve(true);
        };
      });
      this.onIdle = undefined;
      if (finished) {
        shutdownStep('Work in flight finished');
      } else {
        // Cut off, never half-saved: a request's transaction rolls back, a command without an ack is sent again.
        this.logger.warn(
          `Grace period over: cutting off ${this.requests} request(s) and ${this.messages} live message(s) still in flight`,
        );
        this.http.closeAllConnections();
      }
    }
    this.http.closeIdleConnections();
    this.cutOff = setTimeout(() => {
      if (this.connections.size === 0) return;
      this.logger.warn(`Cutting ${this.connections.size} connection(s) that did not close in time`);
      for (const socket of this.connections) socket.destroy();
    }, CLOSE_TIMEOUT_MS);
  }

  /** After Nest closed the live and HTTP servers: nothing can reach the database any more. */
  async onApplicationShutdown(): Promise<void> {
    clearTimeout(this.cutOff);
    shutdownStep('Closing the database connections');
    // Here rather than in TypeORM's own hook, so that it is the last step whatever order Nest runs modules in.
    if (this.db.isInitialized) await this.db.destroy();
  }
}
