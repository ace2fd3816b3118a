import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { DestinationStream, Logger } from 'pino';
import pretty from 'pino-pretty';
import { LogLevel, settings } from './config';

export type { Logger } from 'pino';

/**
 * The server's log: pino, one JSON object a line on stderr (`level`, `time`, `msg` and fields), or
 * one readable line when stderr is a terminal (THREADLINE_LOG_FORMAT overrides either). What never
 * goes in: tokens, request bodies, conversation text. Callers log ids, names, counts and codes;
 * the redaction paths below are a second line of defence should an object with one slip in.
 */
export interface LogOptions {
  level: LogLevel;
  format: 'json' | 'pretty';
  /** Where lines go; default stderr (fd 2), written synchronously so nothing is lost at exit. */
  destination?: DestinationStream;
}

const REDACT = [
  'authorization', 'token', 'password', 'body', 'variables', 'text', 'subject',
  '*.authorization', '*.token', '*.password', '*.body', '*.variables', '*.text', '*.subject',
  'headers.authorization', 'req.headers.authorization', 'err.config', 'error.config',
];

export function createLogger(options: LogOptions): Logger {
  const base = { level: options.level, base: undefined, redact: { paths: REDACT, censor: '[redacted]' }, timestamp: pino.stdTimeFunctions.isoTime };
  if (options.format === 'pretty') {
    const destination = options.destination ?? 2;
    return pino(base, pretty({ destination: destination as NodeJS.WritableStream | number, sync: true, colorize: options.destination === undefined && process.stderr.isTTY === true, translateTime: 'SYS:HH:MM:ss.l' }));
  }
  return pino(base, options.destination ?? pino.destination({ dest: 2, sync: true }));
}

let root: Logger | undefined;

/** This process's logger, made from the settings on first use. */
export function rootLogger(): Logger {
  if (!root) {
    const { logLevel, logFormat } = settings();
    root = createLogger({ level: logLevel, format: logFormat ?? (process.stderr.isTTY ? 'pretty' : 'json') });
  }
  return root;
}

/** Replaces this process's logger (tests capture lines so); undefined goes back to the settings. */
export function setRootLogger(logger: Logger | undefined): void {
  root = logger;
}

/** What one HTTP request has told its log line so far; the line is written when the response is. */
export interface RequestLog {
  requestId: string;
  log: Logger;
  operation?: string;
  accountId?: number;
  code?: string;
}

const requests = new AsyncLocalStorage<RequestLog>();

/** Runs `work` (and everything it starts) as part of the request `entry`. */
export function withRequestLog<T>(entry: RequestLog, work: () => T): T {
  return requests.run(entry, work);
}

/** The request being served, when there is one. */
export function currentRequest(): RequestLog | undefined {
  return requests.getStore();
}

/** The request's logger (its lines carry the request id), else the process's. */
export function log(): Logger {
  return requests.getStore()?.log ?? rootLogger();
}
