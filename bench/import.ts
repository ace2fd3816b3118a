import { statSync } from 'node:fs';
import { cpuSecondsOf, databaseServerPid, runCli } from './proc';

/** One run of `threadline import` on one file. */
export interface ImportFigures {
  conversations: number;
  fileBytes: number;
  wallSeconds: number;
  conversationsPerSecond: number;
  /** Peak resident set size of the importer process (VmHWM), in MiB. */
  peakRssMiB: number;
  /** CPU time of the importer over its wall time (1.0 = one core busy). */
  importerCpu: number | null;
  /** The same for the local database server (mariadbd/mysqld), when it runs on this machine. */
  databaseCpu: number | null;
  imported: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

interface CliImportReport {
  imported: number;
  updated: number;
  unchanged?: number;
  rejected: unknown[];
}

export async function createAccount(url: string, name: string, timezone: string): Promise<string> {
  const { stdout } = await runCli(url, ['account', 'create', '--name', name, '--plan', 'ENTERPRISE', '--timezone', timezone, '--json']);
  return (JSON.parse(stdout) as { accountId: string }).accountId;
}

/** A new ADMIN user of the account and their API token. */
export async function createToken(url: string, accountId: string, email: string): Promise<string> {
  const { stdout } = await runCli(url, ['user', 'create', '--account', accountId, '--email', email, '--role', 'ADMIN', '--json']);
  return (JSON.parse(stdout) as { token: string }).token;
}

/**
 * Imports a file with the real CLI in a child process (`threadline import --account ID FILE`),
 * timing it from spawn to exit (start-up and migrations check included) and sampling its memory
 * and CPU, and the database server's CPU, from /proc.
 */
export async function importFile(url: string, accountId: string, file: string, conversations: number, env: NodeJS.ProcessEnv = {}): Promise<ImportFigures> {
  const server = databaseServerPid();
  const serverCpuBefore = server === null ? null : cpuSecondsOf(server);
  const started = process.hrtime.bigint();
  const { stdout, peakRssKiB, cpuSeconds } = await runCli(url, ['import', '--account', accountId, file, '--json'], true, env);
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const serverCpuAfter = server === null ? null : cpuSecondsOf(server);
  const report = JSON.parse(stdout) as CliImportReport;
  const stored = report.imported + report.updated + (report.unchanged ?? 0);
  const figures: ImportFigures = {
    conversations,
    fileBytes: statSync(file).size,
    wallSeconds,
    conversationsPerSecond: stored / wallSeconds,
    peakRssMiB: peakRssKiB / 1024,
    importerCpu: cpuSeconds === null ? null : cpuSeconds / wallSeconds,
    databaseCpu: serverCpuBefore === null || serverCpuAfter === null ? null : (serverCpuAfter - serverCpuBefore) / wallSeconds,
    imported: report.imported,
    updated: report.updated,
    unchanged: report.unchanged ?? 0,
    rejected: report.rejected.length,
  };
  if (figures.imported !== conversations || figures.rejected !== 0) {
    throw new Error(`expected ${conversations} imported and none rejected, got ${JSON.stringify(figures)} (first rejections: ${JSON.stringify(report.rejected.slice(0, 3))})`);
  }
  return figures;
}
