import { ApolloServerPlugin } from '@apollo/server';
import { Context } from './context';

/**
 * Tells the client where each report's answer came from, in `extensions.threadline.source`: a map
 * from the report's response path (`runReport`, `dashboard.reports.0.result`, aliases as given) to
 * `CACHE`, `ROLLUP` or `RAW`. When the request carries `Threadline-Timing: 1`, also each report's
 * server-side milliseconds, in `extensions.threadline.timings` and in a `Server-Timing` header (what
 * browsers' developer tools show). A response that ran no report has neither.
 */
export function answerSources(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const runs = contextValue?.reportRuns;
          if (!runs?.length || response.body.kind !== 'single') return;
          const source = Object.fromEntries(runs.map((run) => [run.path, run.source]));
          const threadline: Record<string, unknown> = { source };
          if (contextValue.timing) {
            threadline.timings = Object.fromEntries(runs.map((run) => [run.path, round(run.ms)]));
            response.http.headers.set('server-timing', runs.map((run) => `report;desc="${run.path} ${run.source}";dur=${round(run.ms)}`).join(', '));
          }
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, threadline };
        },
      };
    },
  };
}

/** Hundredths of a millisecond: finer than that is noise. */
function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
