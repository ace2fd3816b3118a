import { ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository root (this file runs from dist/bench/). */
export const ROOT = resolve(__dirname, '..', '..');
export const CLI = join(ROOT, 'bin', 'threadline.js');
const POLL_MS = 100;

export interface ChildResult {
  stdout: string;
  /** Peak resident set size (VmHWM) in KiB; 0 when not sampled. */
  peakRssKiB: number;
  /** User + system CPU seconds of the child; null when not sampled. */
  cpuSeconds: number | null;
}

/** Runs `threadline ARGS` with DATABASE_URL set; with `sample`, tracks its peak RSS and CPU from /proc. */
export function runCli(url: string, args: string[], sample = false, env: NodeJS.ProcessEnv = {}): Promise<ChildResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env, DATABASE_URL: url }, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    const sampler = sample ? new ProcessSampler(child) : undefined;
    child.on('error', (error) => {
      sampler?.stop();
      reject(error);
    });
    child.on('exit', (code, signal) => {
      sampler?.stop();
      const err = Buffer.concat(stderr).toString().trim();
      if (code !== 0) {
        reject(new Error(`threadline ${args[0]} exited with ${code ?? signal}: ${err}`));
        return;
      }
      if (err) process.stderr.write(`${err}\n`);
      resolvePromise({ stdout: Buffer.concat(stdout).toString(), peakRssKiB: sampler?.peakRssKiB ?? 0, cpuSeconds: sampler?.cpuSeconds ?? null });
    });
  });
}

/**
 * Polls a child's /proc entries until stopped. VmHWM is the kernel's own high-water mark, so sparse
 * samples cannot miss the peak; polling only keeps the last value readable after the child exits.
 */
export class ProcessSampler {
  peakRssKiB = 0;
  cpuSeconds: number | null = null;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly child: ChildProcess) {
    this.timer = setInterval(() => this.sample(), POLL_MS);
  }

  sample(): void {
    if (this.child.pid === undefined) return;
    this.peakRssKiB = Math.max(this.peakRssKiB, peakRssKiBOf(this.child.pid) ?? 0);
    this.cpuSeconds = cpuSecondsOf(this.child.pid) ?? this.cpuSeconds;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

/** VmHWM (peak RSS) of a process in KiB, or null when it is gone. */
export function peakRssKiBOf(pid: number): number | null {
  const status = readProc(`/proc/${pid}/status`);
  const hwm = status && /^VmHWM:\s+(\d+) kB/m.exec(status);
  return hwm ? Number(hwm[1]) : null;
}

/** User + system CPU seconds of a process (clock ticks are 1/100 s on Linux). */
export function cpuSecondsOf(pid: number): number | null {
  const stat = readProc(`/proc/${pid}/stat`);
  if (!stat) return null;
  // Fields after the parenthesised command name: utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** The local MariaDB/MySQL server process, if this machine runs one we can see. */
export function databaseServerPid(): number | null {
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const name = readProc(`/proc/${entry}/comm`)?.trim();
      if (name === 'mariadbd' || name === 'mysqld') return Number(entry);
    }
  } catch {
    // not Linux: no database figures
  }
  return null;
}

function readProc(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null; // the process has just exited
  }
}
