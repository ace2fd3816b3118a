import type { DrilldownQuery } from '../gql/graphql';

type Node = DrilldownQuery['drilldown']['nodes'][number];

const COLUMNS: [string, (n: Node) => string | number | null | undefined][] = [
  ['id', (n) => n.externalId],
  ['channel', (n) => n.channel],
  ['status', (n) => n.status],
  ['subject', (n) => n.subject],
  ['assignee', (n) => n.assignee?.name],
  ['inbox', (n) => n.inbox.name],
  ['createdAt', (n) => n.createdAt],
  ['closedAt', (n) => n.closedAt],
  ['firstResponseSeconds', (n) => n.firstResponseSeconds],
  ['timeToCloseSeconds', (n) => n.timeToCloseSeconds],
];

/** RFC 4180: every field quoted where needed, instants in UTC and durations in seconds, as the API gives them. */
export function conversationsCsv(nodes: readonly Node[]): string {
  const field = (value: string | number | null | undefined) => {
    const text = value === null || value === undefined ? '' : String(value);
    // A leading =, +, - or @ would run as a formula in a spreadsheet.
    const safe = /^[=+\-@\t\r]/.test(text) && typeof value === 'string' ? `'${text}` : text;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return [COLUMNS.map(([name]) => name).join(','), ...nodes.map((n) => COLUMNS.map(([, get]) => field(get(n))).join(','))].join('\r\n') + '\r\n';
}

export function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
