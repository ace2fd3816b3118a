import { useState } from 'react';
import { useClient, useQuery } from 'urql';
import { formatInstant, formatValue } from '../charts/format';
import { Dialog } from '../common/Dialog';
import { errorText } from '../common/status';
import type { DrilldownQuery, RunReportInput } from '../gql/graphql';
import { conversationsCsv, download } from './csv';
import { DrilldownDocument } from './operations';

/** A data point to list: the tile's run (its dashboard, range, zone), the point's values and measure. */
export interface DrillTarget {
  run: RunReportInput;
  point: (string | null)[];
  measure: string;
  title: string;
  summary: string;
}

const PAGE_SIZE = 25;
/** A download pages through at most this many conversations (20 requests of 500). */
const CSV_LIMIT = 10_000;

export function DrilldownDialog({ target, timezone, onClose }: { target: DrillTarget; timezone: string; onClose: () => void }) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1];
  const input = { run: target.run, point: target.point, measure: target.measure, first: PAGE_SIZE, after };
  const [{ data, error, fetching }] = useQuery({ query: DrilldownDocument, variables: { input } });
  const [csvState, setCsvState] = useState<string | null>(null);
  const client = useClient();
  const page = data?.drilldown;
  const start = (cursors.length - 1) * PAGE_SIZE;

  const downloadCsv = async () => {
    setCsvState('Preparing the CSV…');
    const nodes: DrilldownQuery['drilldown']['nodes'] = [];
    let cursor: string | null = null;
    for (;;) {
      const result = await client.query(DrilldownDocument, { input: { ...input, first: 500, after: cursor } }, { requestPolicy: 'network-only' }).toPromise();
      if (!result.data) {
        setCsvState(`Could not prepare the CSV: ${result.error ? errorText(result.error) : 'no answer'}`);
        return;
      }
      nodes.push(...result.data.drilldown.nodes);
      cursor = result.data.drilldown.pageInfo.endCursor ?? null;
      if (!result.data.drilldown.pageInfo.hasNextPage || nodes.length >= CSV_LIMIT) break;
    }
    download(`${target.title.replace(/[^\w.-]+/g, '-').slice(0, 80)}.csv`, conversationsCsv(nodes));
    setCsvState(`Downloaded ${nodes.length} conversations.`);
  };

  return (
    <Dialog title={target.title} onClose={onClose} wide>
      <p className="drill-summary">
        {target.summary}
        {page && ` · ${page.totalCount} ${page.totalCount === 1 ? 'conversation' : 'conversations'}`}
      </p>
      {fetching && !page && (
        <p className="status" role="status">
          Loading the conversations…
        </p>
      )}
      {error && (
        <p className="status status-error" role="alert">
          Could not load the conversations: {errorText(error)}
        </p>
      )}
      {page && page.totalCount === 0 && <p className="status">No conversations behind this number.</p>}
      {page && page.nodes.length > 0 && (
        <div className="table-wrap">
          <table className="data-table conversations">
            <caption className="visually-hidden">
              Conversations {start + 1} to {start + page.nodes.length} of {page.totalCount}
            </caption>
            <thead>
              <tr>
                <th scope="col">Conversation</th>
                <th scope="col">Subject</th>
                <th scope="col">Status</th>
                <th scope="col">Assignee</th>
                <th scope="col">Inbox</th>
                <th scope="col">Created</th>
                <th scope="col" className="number">First response</th>
                <th scope="col" className="number">Time to close</th>
              </tr>
            </thead>
            <tbody>
              {page.nodes.map((n) => (
                <tr key={n.externalId}>
                  <th scope="row">{n.externalId}</th>
                  <td>{n.subject ?? '—'}</td>
                  <td>{n.status === 'OPEN' ? 'Open' : 'Closed'}</td>
                  <td>{n.assignee?.name ?? 'Unassigned'}</td>
                  <td>{n.inbox.name}</td>
                  <td>{formatInstant(n.createdAt, timezone)}</td>
                  <td className="number">{formatValue(n.firstResponseSeconds, 'SECONDS')}</td>
                  <td className="number">{formatValue(n.timeToCloseSeconds, 'SECONDS')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="actions">
        <button type="button" disabled={cursors.length === 1} onClick={() => setCursors(cursors.slice(0, -1))}>
          Previous page
        </button>
        <span className="meta">{page && page.nodes.length > 0 ? `${start + 1}–${start + page.nodes.length} of ${page.totalCount}` : ''}</span>
        <button type="button" disabled={!page?.pageInfo.hasNextPage} onClick={() => page?.pageInfo.endCursor && setCursors([...cursors, page.pageInfo.endCursor])}>
          Next page
        </button>
        <button type="button" disabled={!page || page.totalCount === 0} onClick={downloadCsv}>
          Download CSV
        </button>
      </div>
      {csvState && (
        <p className="status" role="status">
          {csvState}
        </p>
      )}
    </Dialog>
  );
}
