import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { Readable } from 'node:stream';
import { CLI, peakRssKiBOf, ProcessSampler } from './proc';

export interface BenchServer {
  /** http://localhost:PORT/graphql */
  url: string;
  pid: number;
  /** Peak RSS (VmHWM) so far, in MiB. */
  peakRssMiB(): number;
  /** SIGTERM, waits for the exit; returns the peak RSS in MiB. */
  stop(): Promise<number>;
}

const START_TIMEOUT_MS = 60_000;

/**
 * `threadline serve --port 0 --json` as a child process with `env` added (e.g. THREADLINE_CACHE=off):
 * resolves once it prints its URL, i.e. accepts requests. One server process unless `workers` says
 * otherwise: the figures are per process, and peak RSS is the primary's alone.
 */
export async function startServer(databaseUrl: string, env: Record<string, string>, workers = 1): Promise<BenchServer> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--host', '127.0.0.1', '--workers', String(workers), '--json'], {
    // The throughput runs send thousands of requests a second with one token: far over its rate limit.
    env: { ...inheritedEnv(), THREADLINE_RATE_LIMIT: 'off', ...env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr.push(chunk);
    if (stderr.length > 200) stderr.shift();
  });
  const exited = once(child, 'exit');
  const sampler = new ProcessSampler(child);
  const fail = (why: string) => new Error(`threadline serve ${why}: ${stderr.join('').trim().split('\n').slice(-10).join('\n')}`);
  const exitedEarly = exited.then(([code, signal]) => Promise.reject(fail(`exited with ${code ?? signal} before accepting requests`)));
  exitedEarly.catch(() => undefined); // it exits at the end too, when nobody waits for this any more
  let timer: NodeJS.Timeout | undefined;
  try {
    const url = await Promise.race([
      printedUrl(child.stdout),
      exitedEarly,
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(fail(`did not start within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS))),
    ]);
    const pid = child.pid as number;
    let stopped: Promise<number> | undefined;
    return {
      url: url.replace('localhost', '127.0.0.1'),
      pid,
      peakRssMiB: () => (peakRssKiBOf(pid) ?? sampler.peakRssKiB) / 1024,
      stop: () => {
        stopped ??= (async () => {
          sampler.sample();
          child.kill('SIGTERM');
          await exited;
          sampler.stop();
          return sampler.peakRssKiB / 1024;
        })();
        return stopped;
      },
    };
  } catch (error) {
    sampler.stop();
    child.kill('SIGTERM');
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** This process's environment without the switches a configuration sets (or leaves at their default). */
function inheritedEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.THREADLINE_CACHE;
  delete env.THREADLINE_ROLLUPS;
  return env;
}

/** The `url` of the first JSON line on stdout; the stream keeps flowing afterwards. */
function printedUrl(stdout: Readable): Promise<string> {
  return new Promise((resolve) => {
    let buffered = '';
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      for (const line of buffered.split('\n')) {
        const parsed = tryJson(line);
        if (parsed && typeof parsed.url === 'string') {
          stdout.off('data', onData);
          stdout.resume();
          resolve(parsed.url);
          return;
        }
      }
    };
    stdout.on('data', onData);
  });
}

function tryJson(line: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
