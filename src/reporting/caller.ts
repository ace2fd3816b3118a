import DataLoader from 'dataloader';
import { Caller } from '../auth/caller';
import { Member } from '../auth/members';
import { AnswerSource } from './engine/run';
import { ReportingLoaders } from './loaders';

/** One report run of a request: where it is in the response, where its answer came from, how long it took. */
export interface ReportRun {
  path: string;
  source: AnswerSource;
  /** Server-side milliseconds from resolving the report to having its result. */
  ms: number;
}

/**
 * Whom the reporting services act for: a Caller with the lookups a request shares (so a dashboard
 * of six reports reads the property catalog once) and the log of the reports it ran, which the
 * server tells the client about (`extensions.threadline`).
 */
export interface ReportingCaller extends Caller {
  reporting: ReportingLoaders;
  members: DataLoader<string, Member | null>;
  reportRuns: ReportRun[];
}
