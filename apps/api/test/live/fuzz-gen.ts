/**
 * A small seeded generator of malformed payloads. It starts from a valid payload and breaks it: wrong
 * types, missing and extra fields, huge strings, `__proto__`/`constructor` keys, Buffers, deep nesting,
 * and non-objects. Every candidate is checked against the schema itself, so each one is truly invalid.
 */
import type { ZodType } from 'zod';
import { LIVE_LIMITS } from '@tillit/protocol';

/** mulberry32: tiny, fast, reproducible. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
  };
}
export type Rng = ReturnType<typeof rng>;

const ATTACK_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'isAdmin',
  'userId',
  'meetingId',
  'role',
  '',
];

function deep(depth: number, r: Rng): unknown {
  let v: unknown = r.pick([1, 'x', null, true]);
  for (let i = 0; i < depth; i++) v = r.next() < 0.5 ? [v] : { a: v };
  return v;
}

/** An object with an own property named `key` (even `__proto__`, which a literal cannot make). */
function withOwn(base: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const o = { ...base };
  Object.defineProperty(o, key, { value, enumerable: true, configurable: true, writable: true });
  return o;
}

function junk(r: Rng): unknown {
  switch (r.int(14)) {
    case 0:
      return r.int(2) ? r.int(1e9) : -r.next() * 1e12;
    case 1:
      return 'x'.repeat(r.int(40));
    case 2:
      return 'å'.repeat(1000 + r.int(12_000)); // huge (below the 64 KB message cap)
    case 3:
      return null;
    case 4:
      return r.next() < 0.5;
    case 5:
      return [];
    case 6:
      return [r.int(10), 'a', null];
    case 7:
      return {};
    case 8:
      return withOwn({}, r.pick(ATTACK_KEYS), { polluted: true });
    case 9:
      return Buffer.from('binary attachment ' + r.int(1e6));
    case 10:
      return deep(10 + r.int(300), r);
    case 11:
      return 1.5;
    case 12:
      return '00000000-0000-0000-0000-00000000000' + r.int(10); // uuid-ish but not v4/variant
    default:
      return { $gt: '' };
  }
}

/** One malformed variant of `valid` (a plain object payload). */
function mutate(valid: Record<string, unknown>, r: Rng): unknown {
  const keys = Object.keys(valid);
  switch (r.int(9)) {
    case 0: // not an object at all
      return r.pick<unknown>([null, 0, 'payload', [], [valid], true, Buffer.from('x'), 'x'.repeat(5000)]);
    case 1: {
      // a field of the wrong type
      if (!keys.length) return withOwn(valid, 'extra', junk(r));
      return { ...valid, [r.pick(keys)]: junk(r) };
    }
    case 2: {
      // a field missing
      if (!keys.length) return withOwn(valid, r.pick(ATTACK_KEYS), junk(r));
      const o = { ...valid };
      delete o[r.pick(keys)];
      return o;
    }
    case 3: // an extra field, often a prototype-pollution key
      return withOwn(valid, r.next() < 0.6 ? r.pick(ATTACK_KEYS) : `f${r.int(1000)}`, junk(r));
    case 4: {
      // a huge string in a string field
      const strKeys = keys.filter((k) => typeof valid[k] === 'string');
      const k = strKeys.length ? r.pick(strKeys) : 'text';
      return { ...valid, [k]: 'x'.repeat(10_000 + r.int(45_000)) };
    }
    case 5: // deep nesting
      return withOwn(valid, r.pick(['a', 'itemId', 'text', 'payload']), deep(50 + r.int(400), r));
    case 6: // a Buffer in place of a field
      return keys.length ? { ...valid, [r.pick(keys)]: Buffer.alloc(r.int(2000), 7) } : Buffer.alloc(10);
    case 7: {
      // two breakages at once
      const once = mutate(valid, r);
      return once && typeof once === 'object' && !Array.isArray(once) && !Buffer.isBuffer(once)
        ? mutate(once as Record<string, unknown>, r)
        : once;
    }
    default: // the whole payload replaced by an attack object
      return withOwn(withOwn({}, '__proto__', { isAdmin: true }), 'constructor', { prototype: { x: 1 } });
  }
}

/**
 * What the server may receive for `x`: socket.io-client rebuilds objects by assignment when a message holds
 * binary (so an own `__proto__` key is dropped) and sends plain JSON otherwise (undefined values vanish).
 */
export function wireForms(x: unknown): unknown[] {
  const rebuild = (v: unknown, assign: boolean): unknown => {
    if (Buffer.isBuffer(v) || v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) return v.map((e) => (e === undefined ? null : rebuild(e, assign)));
    const o: Record<string, unknown> = {};
    for (const [k, e] of Object.entries(v)) {
      if (e === undefined) continue;
      if (assign && k === '__proto__') continue; // becomes the prototype, which JSON does not carry
      if (assign) o[k] = rebuild(e, assign);
      else
        Object.defineProperty(o, k, {
          value: rebuild(e, assign),
          enumerable: true,
          configurable: true,
          writable: true,
        });
    }
    return o;
  };
  return [x, rebuild(x, true), rebuild(x, false)];
}

/** Whether `schema` refuses `x` in every form it may arrive in. */
export function refusedOnTheWire(schema: ZodType, x: unknown): boolean {
  return wireForms(x).every((form) => {
    try {
      return !schema.safeParse(form).success;
    } catch {
      return true;
    }
  });
}

/** Rough size on the wire (strings as UTF-8, Buffers as bytes). */
export function wireSize(x: unknown): number {
  let n = 0;
  JSON.stringify(x, (_k, v: unknown) => {
    if (v && typeof v === 'object' && (v as { type?: unknown }).type === 'Buffer') {
      n += ((v as { data: unknown[] }).data ?? []).length;
      return null;
    }
    return v;
  });
  return (
    n +
    Buffer.byteLength(
      JSON.stringify(x, (_k, v: unknown) =>
        v && typeof v === 'object' && (v as { type?: unknown }).type === 'Buffer' ? null : v,
      ) ?? '',
    )
  );
}

/** `count` payloads that `schema` refuses, reproducibly from `seed`. */
export function malformed(schema: ZodType, valid: Record<string, unknown>, count: number, seed: number): unknown[] {
  const r = rng(seed);
  const out: unknown[] = [];
  for (let tries = 0; out.length < count && tries < count * 20; tries++) {
    const candidate = mutate(valid, r);
    // Over the message cap the transport drops the connection (its own test); payloads must stay below it.
    if (wireSize(candidate) > LIVE_LIMITS.maxMessageBytes - 1024) continue;
    if (refusedOnTheWire(schema, candidate)) out.push(candidate);
  }
  if (out.length < count) throw new Error(`only ${out.length} malformed payloads for ${count}`);
  return out;
}

/** Broken envelopes (the part around the payload); `isInvalid` keeps only what the server must refuse. */
export function malformedEnvelopes(
  valid: Record<string, unknown>,
  count: number,
  seed: number,
  isInvalid: (m: unknown) => boolean,
): unknown[] {
  const r = rng(seed);
  const out: unknown[] = [];
  const push = out.push.bind(out);
  out.push = (...xs: unknown[]) => push(...xs.filter(isInvalid));
  while (out.length < count) {
    const v = { ...valid };
    switch (r.int(6)) {
      case 0:
        v.opId = junk(r);
        break;
      case 1:
        v.meetingId = junk(r);
        break;
      case 2:
        v.type = r.pick<unknown>(['', 'item.nope', '__proto__', 'constructor', 'toString', 'x'.repeat(100), 5, null]);
        break;
      case 3:
        out.push(withOwn(v, r.pick(ATTACK_KEYS), junk(r)));
        continue;
      case 4:
        delete v[r.pick(['opId', 'meetingId', 'type'])];
        break;
      default:
        out.push(r.pick<unknown>([null, 1, 'command', [], Buffer.from('x'), [v]]));
        continue;
    }
    out.push(v);
  }
  return out;
}
