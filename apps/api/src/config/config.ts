import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The repository root, found from this file whether it runs from src/ (tests) or dist/. */
export const REPO_ROOT = path.resolve(here, '../../../..');

// Not z.coerce.number(): that reads an empty PORT= as 0, a random port, instead of refusing it.
const port = z
  .string()
  .regex(/^\d{1,5}$/, 'must be a port number (0–65535)')
  .transform(Number)
  .refine((n) => n <= 65535, 'must be a port number (0–65535)');

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: port.default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// URL')
    .optional(),
  /** Prefix of the Redis channels the socket.io adapter uses (one per deployment, or per test run). */
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_-]{1,64}$/, 'letters, digits, : _ - (at most 64)')
    .default('tillit'),
  TILLIT_DATA_DIR: z.string().min(1).optional(),
  /** Comma-separated origins allowed to open a socket and send state-changing requests. */
  ALLOWED_ORIGINS: z.string().optional(),
  /** The address people use in their browser; used for invite links and the origin allowlist. */
  PUBLIC_URL: z.url().optional(),
  COOKIE_SECURE: bool.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEB_DIST: z.string().optional(),
  TRUST_PROXY: bool.default(false),
  /** `1`: log live metrics (event-loop delay, commands/s, command latency) every 10 s. */
  TILLIT_METRICS: bool.default(false),
  /** On SIGTERM/SIGINT: how long requests and live commands in flight may take to finish before they are cut off. */
  TILLIT_SHUTDOWN_GRACE_SECONDS: z
    .string()
    .regex(/^\d{1,3}$/, 'must be a whole number of seconds (0–600)')
    .transform(Number)
    .refine((n) => n <= 600, 'must be a whole number of seconds (0–600)')
    .default(10),
});

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  redisPrefix: string;
  dataDir: string;
  allowedOrigins: string[];
  cookieSecure: boolean;
  logLevel: string;
  webDist: string | undefined;
  trustProxy: boolean;
  metrics: boolean;
  shutdownGraceMs: number;
}

export class ConfigError extends Error {}

/** Reads and checks the environment once at boot; a bad value stops the start with a message naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const publicUrl = e.PUBLIC_URL ?? `http://localhost:${e.PORT}`;
  const origins = new Set<string>([new URL(publicUrl).origin]);
  if (e.NODE_ENV !== 'production' || !e.PUBLIC_URL) {
    origins.add(`http://localhost:${e.PORT}`);
    origins.add(`http://127.0.0.1:${e.PORT}`);
    origins.add('http://localhost:5173');
  }
  for (const o of (e.ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    try {
      origins.add(new URL(o).origin);
    } catch {
      throw new ConfigError(`Invalid configuration:\n  ALLOWED_ORIGINS: "${o}" is not a URL`);
    }
  }
  const defaultWebDist = path.join(REPO_ROOT, 'apps/web/dist');
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    dataDir: path.resolve(e.TILLIT_DATA_DIR ?? path.join(REPO_ROOT, '.tillit-data')),
    allowedOrigins: [...origins],
    cookieSecure: e.COOKIE_SECURE ?? publicUrl.startsWith('https://'),
    logLevel: e.LOG_LEVEL,
    webDist: e.WEB_DIST ?? (existsSync(defaultWebDist) ? defaultWebDist : undefined),
    trustProxy: e.TRUST_PROXY,
    metrics: e.TILLIT_METRICS,
    shutdownGraceMs: e.TILLIT_SHUTDOWN_GRACE_SECONDS * 1000,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
