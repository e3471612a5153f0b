/**
 * Child processes of a run: API nodes and baseline servers (each with the probe preloaded), and the load
 * generators. Every child is tracked and killed when the orchestrator ends, however it ends.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import type { ProbeReply, ProbeRequest } from './probe.js';

const PROBE = fileURLToPath(new URL('./probe.js', import.meta.url));
const children = new Set<ChildProcess>();

export function track<T extends ChildProcess>(proc: T): T {
  children.add(proc);
  proc.on('exit', () => children.delete(proc));
  return proc;
}

export function killAll(): void {
  for (const c of children) c.kill('SIGKILL');
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU seconds (user + system) a process has used, from /proc/<pid>/stat. */
export function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After "pid (comm) ", field 3 (state) is index 0: utime is field 14, stime field 15.
    return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
  } catch {
    return null;
  }
}

/** Peak resident set (VmHWM) in MB, from /proc/<pid>/status. */
export function peakRssMb(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Busy and total jiffies of the whole machine, from /proc/stat. */
function machineJiffies(): { busy: number; total: number } | null {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const total = cpu.reduce((a, b) => a + b, 0);
    const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

/** CPU % (100 = one core) of processes over a window: construct at its start, stop() at its end. */
export class CpuMeter {
  private readonly start0 = new Map<number, { cpu: number; at: number }>();
  private readonly machine0 = machineJiffies();

  constructor(private readonly pids: number[]) {
    for (const pid of pids) this.start0.set(pid, { cpu: cpuSeconds(pid) ?? 0, at: performance.now() });
  }

  /** The whole machine's busy share over the window, in % of all cores (noise from anything else shows here). */
  machineBusyPct(): number | null {
    const now = machineJiffies();
    if (!now || !this.machine0 || now.total === this.machine0.total) return null;
    return ((now.busy - this.machine0.busy) / (now.total - this.machine0.total)) * 100;
  }

  stop(): Map<number, number | null> {
    const out = new Map<number, number | null>();
    for (const pid of this.pids) {
      const s = this.start0.get(pid)!;
      const cpu = cpuSeconds(pid);
      const secs = (performance.now() - s.at) / 1000;
      out.set(pid, cpu === null || secs <= 0 ? null : ((cpu - s.cpu) / secs) * 100);
    }
    return out;
  }
}

export interface ServerOptions {
  name: string;
  script: string;
  port: number;
  env: Record<string, string>;
  /** Printed on stdout once the server accepts connections. */
  ready: RegExp;
  logFile: string;
}

/** A server process (Tillit's production build or the baseline) with the probe preloaded. */
export class ServerProcess {
  private constructor(
    readonly name: string,
    readonly proc: ChildProcess,
    readonly port: number,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number {
    return this.proc.pid!;
  }

  get alive(): boolean {
    return this.proc.exitCode === null && this.proc.signalCode === null;
  }

  static async start(o: ServerOptions): Promise<ServerProcess> {
    const proc = track(
      spawn(process.execPath, ['--import', PROBE, o.script], {
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...o.env, PORT: String(o.port) },
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      }),
    );
    const log = createWriteStream(o.logFile);
    let tail = '';
    const ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${o.name} did not start within 90 s; see ${o.logFile}`)),
        90_000,
      );
      const onData = (chunk: Buffer) => {
        log.write(chunk);
        tail = (tail + chunk.toString()).slice(-4000);
        if (o.ready.test(tail)) {
          clearTimeout(timer);
          resolve();
        }
      };
      proc.stdout!.on('data', onData);
      proc.stderr!.on('data', onData);
      proc.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`${o.name} exited (${code ?? signal}) while starting:\n${tail.slice(-1500)}`));
      });
    });
    await ready;
    return new ServerProcess(o.name, proc, o.port);
  }

  /** Ask the probe inside the process (event-loop delay, CPU profile). */
  probe(req: ProbeRequest, timeoutMs = 10_000): Promise<ProbeReply | null> {
    if (!this.alive) return Promise.resolve(null);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.proc.off('message', onMessage);
        resolve(null);
      }, timeoutMs);
      const onMessage = (m: ProbeReply) => {
        if (m?.probe !== req.probe) return;
        clearTimeout(timer);
        this.proc.off('message', onMessage);
        resolve(m);
      };
      this.proc.on('message', onMessage);
      this.proc.send(req);
    });
  }

  /** SIGKILL: the node dies as in a crash. */
  kill(): void {
    this.proc.kill('SIGKILL');
  }

  /** SIGTERM, then SIGKILL after 10 s. */
  async stop(): Promise<void> {
    if (!this.alive) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => this.proc.kill('SIGKILL'), 10_000);
      this.proc.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      this.proc.kill('SIGTERM');
    });
  }
}
