import { LocalDateRange } from '../src/calendar/time';

/** A GraphQL request body: what the benchmark POSTs to /graphql. */
export interface GraphqlRequest {
  query: string;
  variables?: Record<string, unknown>;
}

/** A report result as the API returns it (docs/api.md). */
export interface ApiReportResult {
  dimensions: { key: string; label: string }[];
  measures: { key: string; label: string; unit: string }[];
  rows: { dimensionValues: { value: string | null; label: string }[]; measureValues: (number | null)[] }[];
}

const RESULT_FIELDS = 'dimensions { key label } measures { key label unit } rows { dimensionValues { value label } measureValues }';

export const TRIVIAL_REQUEST: GraphqlRequest = { query: '{ __typename }' };

/** One report of the catalog over a date range, in the account's timezone and the report's default granularity. */
export function runReportRequest(definitionId: string, range: LocalDateRange): GraphqlRequest {
  return {
    query: `query Run($input: RunReportInput!) { runReport(input: $input) { ${RESULT_FIELDS} } }`,
    variables: { input: { definitionId, dateRange: range } },
  };
}

/** The bench's chat-overview dashboard: found by name, else created from the template. */
export const DASHBOARD_NAME = 'Bench chat overview';

export const DASHBOARDS_REQUEST: GraphqlRequest = { query: '{ dashboards { id name } }' };

export function createDashboardRequest(definitionIds: readonly string[]): GraphqlRequest {
  return {
    query: 'mutation Create($input: CreateDashboardFromTemplateInput!) { createDashboardFromTemplate(input: $input) { id } }',
    variables: { input: { templateId: 'chat-overview', name: DASHBOARD_NAME, privacy: 'EVERYONE_VIEW', reportDefinitionIds: definitionIds } },
  };
}

/** A whole dashboard in one request, every report over `range`. */
export function dashboardRequest(dashboardId: string, range: LocalDateRange): GraphqlRequest {
  return {
    query: `query Dashboard($id: ID!, $range: DateRangeInput) { dashboard(id: $id) { reports { definition { id } result(dateRange: $range) { ${RESULT_FIELDS} } } } }`,
    variables: { id: dashboardId, range },
  };
}

/** The report results of a dashboard response, in dashboard order. */
export function dashboardResults(data: Record<string, unknown>): ApiReportResult[] {
  return (data as { dashboard: { reports: { result: ApiReportResult }[] } }).dashboard.reports.map((r) => r.result);
}

export class GraphqlClient {
  constructor(
    readonly url: string,
    readonly token: string,
  ) {}

  get headers(): Record<string, string> {
    return { 'content-type': 'application/json', authorization: `Bearer ${this.token}` };
  }

  /** POSTs a request and returns `data`; GraphQL errors throw with their codes and messages. */
  async post<T = Record<string, unknown>>(request: GraphqlRequest): Promise<T> {
    const response = await fetch(this.url, { method: 'POST', headers: this.headers, body: JSON.stringify(request) });
    const body = (await response.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
    if (body.errors?.length) throw new Error(`GraphQL error (HTTP ${response.status}): ${body.errors.map((e) => `${e.extensions?.code ?? ''} ${e.message}`).join('; ')}`);
    if (!response.ok || body.data === undefined) throw new Error(`HTTP ${response.status} without data`);
    return body.data;
  }

  async runReport(definitionId: string, range: LocalDateRange): Promise<ApiReportResult> {
    return (await this.post<{ runReport: ApiReportResult }>(runReportRequest(definitionId, range))).runReport;
  }

  async reportIds(): Promise<string[]> {
    const data = await this.post<{ reportDefinitions: { id: string }[] }>({ query: '{ reportDefinitions { id } }' });
    return data.reportDefinitions.map((d) => d.id);
  }
}
