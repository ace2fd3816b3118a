/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** A report to add to a dashboard: from the catalog or a saved report (give one). */
export type AddReportToDashboardInput = {
  /** The dashboard. */
  dashboardId: string | number;
  /** A report of the catalog. */
  definitionId?: string | number | null | undefined;
  /** Where to put it, from 0; default at the end. */
  position?: number | null | undefined;
  /** A saved report. */
  reportId?: string | number | null | undefined;
  /** Width in columns, 1 to 12; default 6. */
  width?: number | null | undefined;
};

/** Where a conversation takes place. */
export type Channel =
  /** Live chat on a website, possibly started by a chatflow (bot). */
  | 'CHAT'
  /** Email to a shared inbox. */
  | 'EMAIL';

/** How a report is drawn. */
export type ChartType =
  /** A filled line over the first dimension. */
  | 'AREA'
  /** Horizontal bars, one per group. */
  | 'BAR'
  /** Vertical columns, one per group. */
  | 'COLUMN'
  /** A pie with a hole. */
  | 'DONUT'
  /** A line over the first dimension (usually time). */
  | 'LINE'
  /** Shares of one measure over one dimension. */
  | 'PIE'
  /** Totals only, no dimensions. */
  | 'SUMMARY'
  /** Rows and columns. */
  | 'TABLE';

/** The earlier range a report run is compared with. */
export type CompareTo =
  /** The same number of days just before the date range (March, 31 days, compares with 29 January to 28 February). */
  | 'PREVIOUS_PERIOD'
  /** The same local dates one year earlier (29 February becomes 28 February). */
  | 'PREVIOUS_YEAR';

/** Whether a conversation still needs work. */
export type ConversationStatus =
  /** Closed; it has a `closedAt`. */
  | 'CLOSED'
  /** Not closed yet. */
  | 'OPEN';

/** A new dashboard from a template of the library. */
export type CreateDashboardFromTemplateInput = {
  /** Dashboard name, 1 to 200 characters. */
  name: string;
  /** Who can see and edit it. */
  privacy: DashboardPrivacy;
  /** Which of the template's reports to include (the checkboxes); absent for all. */
  reportDefinitionIds?: Array<string | number> | null | undefined;
  /** Users and teams to share with (privacy SPECIFIC only). */
  shares?: Array<ShareInput> | null | undefined;
  /** `chat-overview` or `email-overview` (see `dashboardTemplates`). */
  templateId: string | number;
};

/** What someone may do with a dashboard. */
export type DashboardAccess =
  /** Also rename it, change its reports, layout, date range and filters. */
  | 'EDIT'
  /** See it and run its reports. */
  | 'VIEW';

/** Who can see and edit a dashboard. Its owner always can; admins view every dashboard of their account. */
export type DashboardPrivacy =
  /** Everyone in the account can view and edit. */
  | 'EVERYONE_EDIT'
  /** Everyone in the account can view; the owner and admins edit. */
  | 'EVERYONE_VIEW'
  /** The owner and admins. */
  | 'OWNER_AND_ADMINS'
  /** The owner only; admins may view it (not edit it). */
  | 'PRIVATE'
  /** The users and teams in `shares`, each with view or edit access, plus admins (ENTERPRISE plan only). */
  | 'SPECIFIC';

/** Local calendar dates, both inclusive, in the report's timezone. */
export type DateRangeInput = {
  /** First day, YYYY-MM-DD. */
  from: string;
  /** Last day, YYYY-MM-DD (not before `from`). */
  to: string;
};

/** A rolling date range, resolved in the report's timezone each time it runs. "Last N days" are the N whole days before today; "this" periods run to today inclusive. */
export type DateRangePreset =
  /** The 7 days before today. */
  | 'LAST_7_DAYS'
  /** The 14 days before today. */
  | 'LAST_14_DAYS'
  /** The 30 days before today. */
  | 'LAST_30_DAYS'
  /** The 90 days before today. */
  | 'LAST_90_DAYS'
  /** The 365 days before today. */
  | 'LAST_365_DAYS'
  /** The previous calendar month. */
  | 'LAST_MONTH'
  /** The previous calendar quarter. */
  | 'LAST_QUARTER'
  /** The previous Monday-to-Sunday week. */
  | 'LAST_WEEK'
  /** The previous calendar year. */
  | 'LAST_YEAR'
  /** The first of this month to today. */
  | 'THIS_MONTH'
  /** The first day of this quarter to today. */
  | 'THIS_QUARTER'
  /** Monday of this week to today. */
  | 'THIS_WEEK'
  /** January 1 to today. */
  | 'THIS_YEAR'
  /** Today. */
  | 'TODAY'
  /** Yesterday. */
  | 'YESTERDAY';

/** A data point of a report run, to list the conversations behind it. */
export type DrilldownInput = {
  /** The `pageInfo.endCursor` of the previous page. */
  after?: string | null | undefined;
  /** Page size: 1 to 500, default 50. */
  first?: number | null | undefined;
  /** Which measure's conversations to list; default the leading one. */
  measure?: string | null | undefined;
  /** One `dimensionValues.value` per dimension of the run, in order (null for no value). */
  point?: Array<string | null | undefined> | null | undefined;
  /** The run the data point belongs to. */
  run: RunReportInput;
};

/** An edit of a report where it sits on a dashboard. */
export type EditDashboardReportInput = {
  /** What to change. */
  changes: ReportChangesInput;
  /** The dashboard. */
  dashboardId: string | number;
  /** The `DashboardReport.id`. */
  dashboardReportId: string | number;
};

/** One condition on a conversation property. Several filters combine with AND. */
export type FilterInput = {
  /** How the property is compared with the values. */
  operator: FilterOperator;
  /** A property key from `conversationProperties`, e.g. `assignee`, `createdAt` or `properties.priority`. */
  property: string;
  /** The values to compare with, as strings: external ids for assignee, inbox, team and chatflow; seconds for durations; `YYYY-MM-DD` (a whole local day) or an ISO 8601 instant for dates; `true`/`false` for booleans. IS_KNOWN and IS_UNKNOWN take none, BETWEEN two, IN and NOT_IN one or more, the others one. */
  values?: Array<string> | null | undefined;
};

/** How a filter compares a property with its values. `conversationProperties` lists the operators each property allows. */
export type FilterOperator =
  /** Between the two values, both inclusive. */
  | 'BETWEEN'
  /** Contains the one value, ignoring case. */
  | 'CONTAINS'
  /** Equal to the one value (a local date means that whole day). */
  | 'EQ'
  /** Greater than (after) the one value. */
  | 'GT'
  /** Greater than or equal to (at or after) the one value. */
  | 'GTE'
  /** Equal to any of the values. */
  | 'IN'
  /** Has a value (takes no values). */
  | 'IS_KNOWN'
  /** Has no value (takes no values). */
  | 'IS_UNKNOWN'
  /** Less than (before) the one value. */
  | 'LT'
  /** Less than or equal to (at or before) the one value. */
  | 'LTE'
  /** Not equal to the one value; conversations without a value are kept. */
  | 'NEQ'
  /** Does not contain the one value, ignoring case; conversations without a value are kept. */
  | 'NOT_CONTAINS'
  /** Equal to none of the values; conversations without a value are kept. */
  | 'NOT_IN'
  /** Starts with the one value, ignoring case. */
  | 'STARTS_WITH';

/** Size of a time bucket, local to the report's timezone. */
export type Granularity =
  /** Local calendar days (23 or 25 hours on DST nights). */
  | 'DAY'
  /** Calendar months. */
  | 'MONTH'
  /** Calendar quarters (January, April, July, October). */
  | 'QUARTER'
  /** Weeks starting on Monday. */
  | 'WEEK'
  /** Calendar years. */
  | 'YEAR';

/** A place on the dashboard and its width, in the new order. */
export type LayoutItemInput = {
  /** A `DashboardReport.id` of this dashboard. */
  id: string | number;
  /** Width in columns, 1 to 12; absent keeps it. */
  width?: number | null | undefined;
};

/** What a measure value counts. */
export type MeasureUnit =
  /** A number of conversations. */
  | 'COUNT'
  /** A number: a sum, average, minimum or maximum of a number property, or a plain ratio. */
  | 'NUMBER'
  /** A share in percent (0–100): a ratio of two measures. */
  | 'PERCENT'
  /** A duration in seconds. */
  | 'SECONDS';

/** The subscription of an account. Editing reports needs PROFESSIONAL or ENTERPRISE, or the reporting add-on. */
export type Plan =
  /** Everything, plus dashboards shared with specific users and teams. */
  | 'ENTERPRISE'
  /** Standard dashboards, view only. */
  | 'FREE'
  /** Edit reports and build custom reports. */
  | 'PROFESSIONAL'
  /** Standard dashboards, view only; more dashboards. */
  | 'STARTER';

/** The kind of value a conversation property holds; it decides the filter operators. */
export type PropertyType =
  /** true or false. */
  | 'BOOLEAN'
  /** An instant; filters take local dates (YYYY-MM-DD) or ISO 8601 instants; groups by time buckets. */
  | 'DATETIME'
  /** A duration; filters take seconds. */
  | 'DURATION'
  /** One of a fixed set of values. */
  | 'ENUM'
  /** An external id (assignee, inbox, team, chatflow); labels are names. */
  | 'ID'
  /** A number. */
  | 'NUMBER'
  /** Free text. */
  | 'STRING';

/** A report to take off a dashboard: by its place, or by the report it shows (give one). */
export type RemoveReportFromDashboardInput = {
  /** The dashboard. */
  dashboardId: string | number;
  /** The `DashboardReport.id`. */
  dashboardReportId?: string | number | null | undefined;
  /** The catalog report it shows. */
  definitionId?: string | number | null | undefined;
  /** The saved report it shows. */
  reportId?: string | number | null | undefined;
};

/** Changes to a report. Fields left out stay as they are; an explicit null clears channel, dimensions, granularity, filters, dateRange or timezone. */
export type ReportChangesInput = {
  /** The channel counted; null for both. */
  channel?: Channel | null | undefined;
  /** How it is drawn; it must be able to show the dimensions (PIE and DONUT one, SUMMARY none). */
  chartType?: ChartType | null | undefined;
  /** `createdAt` or `closedAt`: the instant the date range selects conversations by (all time: every conversation that has it, so a report by closedAt never counts open ones). Dimensions never select. */
  dateProperty?: string | null | undefined;
  /** The range it shows unless a run or dashboard gives one; null for all time. */
  dateRange?: ReportDateRangeInput | null | undefined;
  /** Property keys from `conversationProperties`: the x-axis, then an optional break-down. Reorder to move a property between them. Dimensions only group the conversations the date range and filters select, each in exactly one row: adding, removing or reordering them never changes the total of a count. A date dimension on the report's dateProperty has the buckets of the date range (empty ones 0); one on the other date property buckets each conversation by that date, inside the range or not, and those without it (open conversations have no closedAt) form the no-value group (null, "(No value)", listed last). */
  dimensions?: Array<string> | null | undefined;
  /** The report's filters, all of them (AND); they replace the current ones. */
  filters?: Array<FilterInput> | null | undefined;
  /** Bucket size when a dimension is a date (required then). */
  granularity?: Granularity | null | undefined;
  /** Measure keys, leading one first, e.g. `count`, `avgFirstResponseSeconds` (1 to 5). */
  measures?: Array<string> | null | undefined;
  /** Report name, 1 to 200 characters. */
  name?: string | null | undefined;
  /** IANA zone for its dates and buckets; null for the account's. */
  timezone?: string | null | undefined;
};

/** A date range a report or dashboard keeps: a rolling preset, or fixed local dates (give one or the other). */
export type ReportDateRangeInput = {
  /** First day, YYYY-MM-DD (without a preset). */
  from?: string | null | undefined;
  /** A rolling range such as LAST_30_DAYS, resolved when the report runs. */
  preset?: DateRangePreset | null | undefined;
  /** Last day, YYYY-MM-DD, not before `from` (without a preset). */
  to?: string | null | undefined;
};

/** Puts a saved report back as it was at an earlier revision (itself kept as a new revision). */
export type RestoreReportRevisionInput = {
  /** The saved report. */
  id: string | number;
  /** The revision to go back to (see `Report.revisions`). */
  revision: number;
};

/** How a revision of a saved report came about. */
export type RevisionAction =
  /** The report was saved for the first time. */
  | 'CREATED'
  /** An earlier revision was put back. */
  | 'RESTORED'
  /** The report was edited. */
  | 'UPDATED';

/** What a user may do in their account (with a token whose scope allows it). */
export type Role =
  /** Manages users, API tokens and data: sees every dashboard and saved report of the account, edits all but others' private ones, writes conversations. */
  | 'ADMIN'
  /** Reads reports and conversations, and builds the dashboards and reports their plan allows; sees what is shared with them. */
  | 'MEMBER';

/** Which report to run and how. Give exactly one of `definitionId` and `reportId`. */
export type RunReportInput = {
  /** Also run the report over an earlier range and give each row its value there and the change (`ReportRow.comparisonValues`). Needs a date range. Ignored by `drilldown`. */
  compareTo?: CompareTo | null | undefined;
  /** Run the report as a tile of this dashboard shows it (`DashboardReport.result`): with the dashboard's date range and filters, and for whoever may see the dashboard, also when the saved report is private to another user. The report must be on the dashboard. */
  dashboardId?: string | number | null | undefined;
  /** Local dates to report on, selecting conversations by the report's dateProperty; absent means all time. */
  dateRange?: DateRangeInput | null | undefined;
  /** A report of the catalog (`reportDefinitions`). */
  definitionId?: string | number | null | undefined;
  /** Extra conditions, combined with AND with the report's own. */
  filters?: Array<FilterInput> | null | undefined;
  /** Bucket size for a date dimension; ignored by reports without one. */
  granularity?: Granularity | null | undefined;
  /** A saved report (`reports`). */
  reportId?: string | number | null | undefined;
  /** IANA zone for the date range and time buckets; default the account's, else UTC. */
  timezone?: string | null | undefined;
};

/** Who a dashboard is shared with. */
export type ShareGrantee =
  /** Every user of a team, by the team's external id. */
  | 'TEAM'
  /** One user, by user id. */
  | 'USER';

/** A user or team to share a SPECIFIC dashboard with. */
export type ShareInput = {
  /** VIEW or EDIT. */
  access: DashboardAccess;
  /** User id, or team external id. */
  granteeId: string | number;
  /** USER or TEAM. */
  granteeType: ShareGrantee;
};

/** What an API token may be used for. A request may do what its user's role AND its token's scope allow; anything else answers FORBIDDEN with the reason. */
export type TokenScope =
  /** Everything an ADMIN may do. Only ADMIN users hold ADMIN tokens. */
  | 'ADMIN'
  /** Only `ingestConversations` (for integrations): every other field answers FORBIDDEN. Any user may hold one. */
  | 'INGEST'
  /** Everything the role allows except writing conversations and managing users and tokens. An ADMIN's READ token sees every dashboard an admin sees but changes only what a member may. */
  | 'READ';

/** Changes to a dashboard. Fields left out stay as they are; an explicit null clears dateRange or filters. */
export type UpdateDashboardInput = {
  /** Date range for all its reports; null lets each use its own. */
  dateRange?: ReportDateRangeInput | null | undefined;
  /** Filters for all its reports, replacing the current ones. */
  filters?: Array<FilterInput> | null | undefined;
  /** The dashboard. */
  id: string | number;
  /** Every report of the dashboard once, in the new order, with optional widths. */
  layout?: Array<LayoutItemInput> | null | undefined;
  /** New name. */
  name?: string | null | undefined;
  /** New privacy (owner or admin only). */
  privacy?: DashboardPrivacy | null | undefined;
  /** All its shares, replacing the current ones (owner or admin only; privacy SPECIFIC). */
  shares?: Array<ShareInput> | null | undefined;
};

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { userId: string, email: string, role: Role, scope: TokenScope, account: { id: string, name: string, plan: Plan, timezone: string, canEditReports: boolean, reportEditingRequires: string | null } } };

export type DashboardsQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardsQuery = { dashboards: Array<{ id: string, name: string, access: DashboardAccess, privacy: DashboardPrivacy, templateId: string | null, owner: { email: string, name: string | null } | null }> };

export type DashboardQueryVariables = Exact<{
  id: string | number;
}>;


export type DashboardQuery = { dashboard: { id: string, name: string, access: DashboardAccess, privacy: DashboardPrivacy, dateRange: { preset: DateRangePreset | null, from: string, to: string } | null, filters: Array<{ property: string, operator: FilterOperator, values: Array<string> }>, reports: Array<{ id: string, position: number, width: number, title: string, definition: { id: string, description: string, defaultChartType: ChartType } | null, report: { id: string, chartType: ChartType, canEdit: boolean } | null }> } };

export type TileResultQueryVariables = Exact<{
  input: RunReportInput;
}>;


export type TileResultQuery = { runReport: { dimensions: Array<{ key: string, label: string }>, measures: Array<{ key: string, label: string, unit: MeasureUnit }>, rows: Array<{ measureValues: Array<number | null>, dimensionValues: Array<{ value: string | null, label: string }> }> } };

export type LibraryQueryVariables = Exact<{ [key: string]: never; }>;


export type LibraryQuery = { dashboardTemplates: Array<{ id: string, title: string, description: string, channel: Channel, reports: Array<{ id: string, title: string }> }>, reportDefinitions: Array<{ id: string, title: string, channel: Channel | null }>, reports: Array<{ id: string, name: string }> };

export type SharingChoicesQueryVariables = Exact<{ [key: string]: never; }>;


export type SharingChoicesQuery = { members: Array<{ id: string, email: string, name: string | null }>, teams: Array<{ externalId: string, name: string }> };

export type CreateDashboardMutationVariables = Exact<{
  input: CreateDashboardFromTemplateInput;
}>;


export type CreateDashboardMutation = { createDashboardFromTemplate: { id: string, name: string } };

export type UpdateDashboardMutationVariables = Exact<{
  input: UpdateDashboardInput;
}>;


export type UpdateDashboardMutation = { updateDashboard: { id: string, name: string, reports: Array<{ id: string, position: number, width: number }> } };

export type AddReportMutationVariables = Exact<{
  input: AddReportToDashboardInput;
}>;


export type AddReportMutation = { addReportToDashboard: { id: string, reports: Array<{ id: string }> } };

export type RemoveReportMutationVariables = Exact<{
  input: RemoveReportFromDashboardInput;
}>;


export type RemoveReportMutation = { removeReportFromDashboard: { id: string, reports: Array<{ id: string }> } };

export type DeleteDashboardMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteDashboardMutation = { deleteDashboard: string };

export type DrilldownQueryVariables = Exact<{
  input: DrilldownInput;
}>;


export type DrilldownQuery = { drilldown: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ externalId: string, channel: Channel, status: ConversationStatus, subject: string | null, createdAt: string, closedAt: string | null, firstResponseSeconds: number | null, timeToCloseSeconds: number | null, assignee: { name: string } | null, inbox: { name: string } }> } };

export type EditorQueryVariables = Exact<{
  dashboardId: string | number;
}>;


export type EditorQuery = { dashboard: { id: string, name: string, access: DashboardAccess, reports: Array<{ id: string, title: string, definition: { id: string, title: string, channel: Channel | null, defaultChartType: ChartType, defaultGranularity: Granularity | null, dimensions: Array<{ key: string }>, measures: Array<{ key: string }>, defaultFilters: Array<{ property: string, operator: FilterOperator, values: Array<string> }> } | null, report: { id: string, name: string, canEdit: boolean, channel: Channel | null, chartType: ChartType, granularity: Granularity | null, revision: number, dimensions: Array<{ key: string }>, measures: Array<{ key: string }>, filters: Array<{ property: string, operator: FilterOperator, values: Array<string> }>, revisions: Array<{ revision: number, action: RevisionAction, name: string, chartType: ChartType, changes: Array<string>, createdAt: string, author: { email: string, name: string | null } | null }> } | null }> }, conversationProperties: Array<{ key: string, label: string, type: PropertyType, operators: Array<FilterOperator>, groupable: boolean }>, reportMeasures: Array<{ key: string, label: string, unit: MeasureUnit }> };

export type PropertyValuesQueryVariables = Exact<{
  key: string;
  search?: string | null | undefined;
  first?: number | null | undefined;
}>;


export type PropertyValuesQuery = { propertyValues: { totalCount: number, nodes: Array<{ value: string, label: string, count: number }> } };

export type EditDashboardReportMutationVariables = Exact<{
  input: EditDashboardReportInput;
}>;


export type EditDashboardReportMutation = { editDashboardReport: { id: string, reports: Array<{ id: string, title: string, report: { id: string, chartType: ChartType, canEdit: boolean } | null }> } };

export type RestoreRevisionMutationVariables = Exact<{
  input: RestoreReportRevisionInput;
}>;


export type RestoreRevisionMutation = { restoreReportRevision: { id: string, name: string, chartType: ChartType, revision: number } };


export const ViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"plan"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"canEditReports"}},{"kind":"Field","name":{"kind":"Name","value":"reportEditingRequires"}}]}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;
export const DashboardsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Dashboards"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dashboards"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"access"}},{"kind":"Field","name":{"kind":"Name","value":"privacy"}},{"kind":"Field","name":{"kind":"Name","value":"templateId"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<DashboardsQuery, DashboardsQueryVariables>;
export const DashboardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Dashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dashboard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"access"}},{"kind":"Field","name":{"kind":"Name","value":"privacy"}},{"kind":"Field","name":{"kind":"Name","value":"dateRange"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"preset"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}}]}},{"kind":"Field","name":{"kind":"Name","value":"filters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"property"}},{"kind":"Field","name":{"kind":"Name","value":"operator"}},{"kind":"Field","name":{"kind":"Name","value":"values"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"definition"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"defaultChartType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"chartType"}},{"kind":"Field","name":{"kind":"Name","value":"canEdit"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DashboardQuery, DashboardQueryVariables>;
export const TileResultDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TileResult"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RunReportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dimensions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"measures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dimensionValues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"measureValues"}}]}}]}}]}}]} as unknown as DocumentNode<TileResultQuery, TileResultQueryVariables>;
export const LibraryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Library"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dashboardTemplates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"reports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"reportDefinitions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reports"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<LibraryQuery, LibraryQueryVariables>;
export const SharingChoicesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SharingChoices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"teams"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<SharingChoicesQuery, SharingChoicesQueryVariables>;
export const CreateDashboardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateDashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateDashboardFromTemplateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createDashboardFromTemplate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<CreateDashboardMutation, CreateDashboardMutationVariables>;
export const UpdateDashboardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateDashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateDashboardInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateDashboard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"reports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"width"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateDashboardMutation, UpdateDashboardMutationVariables>;
export const AddReportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddReportToDashboardInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addReportToDashboard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<AddReportMutation, AddReportMutationVariables>;
export const RemoveReportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RemoveReportFromDashboardInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeReportFromDashboard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<RemoveReportMutation, RemoveReportMutationVariables>;
export const DeleteDashboardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteDashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteDashboard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<DeleteDashboardMutation, DeleteDashboardMutationVariables>;
export const DrilldownDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Drilldown"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DrilldownInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"drilldown"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"timeToCloseSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"assignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inbox"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DrilldownQuery, DrilldownQueryVariables>;
export const EditorDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Editor"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dashboardId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dashboard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dashboardId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"access"}},{"kind":"Field","name":{"kind":"Name","value":"reports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"definition"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"defaultChartType"}},{"kind":"Field","name":{"kind":"Name","value":"defaultGranularity"}},{"kind":"Field","name":{"kind":"Name","value":"dimensions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}},{"kind":"Field","name":{"kind":"Name","value":"measures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}},{"kind":"Field","name":{"kind":"Name","value":"defaultFilters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"property"}},{"kind":"Field","name":{"kind":"Name","value":"operator"}},{"kind":"Field","name":{"kind":"Name","value":"values"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"canEdit"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"chartType"}},{"kind":"Field","name":{"kind":"Name","value":"granularity"}},{"kind":"Field","name":{"kind":"Name","value":"dimensions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}},{"kind":"Field","name":{"kind":"Name","value":"measures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}},{"kind":"Field","name":{"kind":"Name","value":"filters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"property"}},{"kind":"Field","name":{"kind":"Name","value":"operator"}},{"kind":"Field","name":{"kind":"Name","value":"values"}}]}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"revisions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"chartType"}},{"kind":"Field","name":{"kind":"Name","value":"changes"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"conversationProperties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"operators"}},{"kind":"Field","name":{"kind":"Name","value":"groupable"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reportMeasures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}}]}}]}}]} as unknown as DocumentNode<EditorQuery, EditorQueryVariables>;
export const PropertyValuesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PropertyValues"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"propertyValues"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"key"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]}}]} as unknown as DocumentNode<PropertyValuesQuery, PropertyValuesQueryVariables>;
export const EditDashboardReportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EditDashboardReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EditDashboardReportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"editDashboardReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"chartType"}},{"kind":"Field","name":{"kind":"Name","value":"canEdit"}}]}}]}}]}}]}}]} as unknown as DocumentNode<EditDashboardReportMutation, EditDashboardReportMutationVariables>;
export const RestoreRevisionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestoreRevision"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RestoreReportRevisionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"restoreReportRevision"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"chartType"}},{"kind":"Field","name":{"kind":"Name","value":"revision"}}]}}]}}]} as unknown as DocumentNode<RestoreRevisionMutation, RestoreRevisionMutationVariables>;