import { reportCsv } from '../../../src/reporting/engine/csv';
import { ReportResult, ReportRow } from '../../../src/reporting/engine/run';

/** A one-dimension, count-only result whose rows carry these labels. */
function byLabel(...labels: string[]): ReportResult {
  return {
    dimensions: [{ key: 'pageUrl', label: 'Page URL' }],
    measures: [{ key: 'count', label: 'Conversations', unit: 'COUNT' }],
    rows: labels.map((label): ReportRow => ({ dimensionValues: [{ value: label, label }], measureValues: [1] })),
  };
}

describe('reportCsv', () => {
  it('writes a header of dimension then measure labels, "(seconds)" on durations, and CRLF after every line', () => {
    const result: ReportResult = {
      dimensions: [
        { key: 'assignee', label: 'Assignee' },
        { key: 'createdAt', label: 'Created' },
      ],
      measures: [
        { key: 'count', label: 'Conversations', unit: 'COUNT' },
        { key: 'avgFirstResponseSeconds', label: 'Average first response time', unit: 'SECONDS' },
      ],
      rows: [
        { dimensionValues: [{ value: 'u-7', label: 'Ada Lovelace' }, { value: '2026-03-02', label: '2026-03-02' }], measureValues: [3, 125.5] },
        { dimensionValues: [{ value: null, label: 'Unassigned' }, { value: '2026-03-09', label: '2026-03-09' }], measureValues: [0, null] },
      ],
    };
    expect(reportCsv(result)).toBe(
      'Assignee,Created,Conversations,Average first response time (seconds)\r\n' +
        'Ada Lovelace,2026-03-02,3,125.5\r\n' +
        'Unassigned,2026-03-09,0,\r\n',
    );
  });

  it('rounds measures to milliseconds, so float noise never reaches a spreadsheet', () => {
    const result: ReportResult = {
      dimensions: [],
      measures: [{ key: 'avgFirstResponseSeconds', label: 'Average first response time', unit: 'SECONDS' }],
      rows: [341.90590999999995, 0.0004, 0.0005, 2 / 3, 1e9 + 0.1234].map((v) => ({ dimensionValues: [], measureValues: [v] })),
    };
    expect(reportCsv(result)).toBe('Average first response time (seconds)\r\n341.906\r\n0\r\n0.001\r\n0.667\r\n1000000000.123\r\n');
  });

  it('gives each dimension an id and a label column with ids (for BI tools), empty for no value', () => {
    const result: ReportResult = {
      dimensions: [
        { key: 'assignee', label: 'Assignee' },
        { key: 'createdAt', label: 'Created' },
      ],
      measures: [{ key: 'count', label: 'Conversations', unit: 'COUNT' }],
      rows: [
        { dimensionValues: [{ value: 'u-7', label: 'Ada Lovelace' }, { value: '2026-03-02', label: '2026-03-02' }], measureValues: [3] },
        { dimensionValues: [{ value: null, label: 'Unassigned' }, { value: '2026-03-09', label: '2026-03-09' }], measureValues: [0] },
        { dimensionValues: [{ value: '=cmd', label: 'x,y' }, { value: '2026-03-09', label: '2026-03-09' }], measureValues: [1] },
      ],
    };
    expect(reportCsv(result, { ids: true })).toBe(
      'Assignee id,Assignee,Created id,Created,Conversations\r\n' +
        'u-7,Ada Lovelace,2026-03-02,2026-03-02,3\r\n' +
        ',Unassigned,2026-03-09,2026-03-09,0\r\n' +
        "'=cmd,\"x,y\",2026-03-09,2026-03-09,1\r\n",
    );
  });

  it('leaves null measure values as empty cells, wherever they stand', () => {
    const result: ReportResult = {
      dimensions: [],
      measures: [
        { key: 'avgFirstResponseSeconds', label: 'Average first response time', unit: 'SECONDS' },
        { key: 'count', label: 'Conversations', unit: 'COUNT' },
        { key: 'avgTimeToCloseSeconds', label: 'Average time to close', unit: 'SECONDS' },
      ],
      rows: [{ dimensionValues: [], measureValues: [null, 0, null] }],
    };
    expect(reportCsv(result)).toBe('Average first response time (seconds),Conversations,Average time to close (seconds)\r\n,0,\r\n');
  });

  it('writes only the header line for a report without rows', () => {
    expect(reportCsv(byLabel())).toBe('Page URL,Conversations\r\n');
  });

  it('quotes cells holding commas, quotes, CR or LF, doubling the quotes inside', () => {
    expect(reportCsv(byLabel('Smith, Jane', 'The "VIP" desk', 'two\nlines', 'carriage\rreturn', 'a "b", c'))).toBe(
      'Page URL,Conversations\r\n' +
        '"Smith, Jane",1\r\n' +
        '"The ""VIP"" desk",1\r\n' +
        '"two\nlines",1\r\n' +
        '"carriage\rreturn",1\r\n' +
        '"a ""b"", c",1\r\n',
    );
  });

  it('neutralises text that a spreadsheet would run as a formula with a leading apostrophe', () => {
    expect(reportCsv(byLabel('=HYPERLINK("http://evil")', '+cmd', '-2+3', '@SUM(A1)', '\tTAB', '-', '=1,2'))).toBe(
      'Page URL,Conversations\r\n' +
        '"\'=HYPERLINK(""http://evil"")",1\r\n' +
        "'+cmd,1\r\n" +
        "'-2+3,1\r\n" +
        "'@SUM(A1),1\r\n" +
        "'\tTAB,1\r\n" +
        "'-,1\r\n" +
        '"\'=1,2",1\r\n',
    );
  });

  it('leaves numbers, negative ones included, and text with a formula character later on as they are', () => {
    expect(reportCsv(byLabel('-5', '-0.25', '+7', 'a=b', 'x-y@z', 'https://example.com/?q=1'))).toBe(
      'Page URL,Conversations\r\n-5,1\r\n-0.25,1\r\n+7,1\r\na=b,1\r\nx-y@z,1\r\nhttps://example.com/?q=1,1\r\n',
    );
  });

  it('writes measure numbers as JavaScript prints them', () => {
    const result: ReportResult = {
      dimensions: [{ key: 'status', label: 'Status' }],
      measures: [{ key: 'avgTimeToCloseSeconds', label: 'Average time to close', unit: 'SECONDS' }],
      rows: [
        { dimensionValues: [{ value: 'CLOSED', label: 'Closed' }], measureValues: [3600] },
        { dimensionValues: [{ value: 'OPEN', label: 'Open' }], measureValues: [0.125] },
      ],
    };
    expect(reportCsv(result)).toBe('Status,Average time to close (seconds)\r\nClosed,3600\r\nOpen,0.125\r\n');
  });
});
