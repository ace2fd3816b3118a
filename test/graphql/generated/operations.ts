/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** The team member a conversation is assigned to. */
export type AssigneeInput = {
  /** Email address. */
  email?: string | null | undefined;
  /** Your id for it (required, at most 191 characters); reports group by it. */
  id?: string | null | undefined;
  /** Display name; defaults to the id. The latest name given wins. */
  name?: string | null | undefined;
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

/** The person on the other side. */
export type ContactInput = {
  /** Email address. */
  email?: string | null | undefined;
  /** Name. */
  name?: string | null | undefined;
};

/** A conversation to create or update, in the import format (CONTRACT.md section 2). The same id again updates it. */
export type ConversationInput = {
  /** The assigned team member; null or absent means unassigned. */
  assignee?: AssigneeInput | null | undefined;
  /** Required: `CHAT` or `EMAIL` (see the Channel enum). */
  channel?: string | null | undefined;
  /** The chatflow that started it (CHAT only). */
  chatflow?: NamedRefInput | null | undefined;
  /** When it was closed: required when CLOSED, not earlier than createdAt. */
  closedAt?: string | null | undefined;
  /** The contact. */
  contact?: ContactInput | null | undefined;
  /** When it started (required): ISO 8601 timestamp with an offset. */
  createdAt?: string | null | undefined;
  /** Your id for the conversation (required), unique within the account, at most 191 characters. */
  id?: string | null | undefined;
  /** The inbox it arrived in (required). */
  inbox?: NamedRefInput | null | undefined;
  /** The messages, in any order. */
  messages?: Array<MessageInput> | null | undefined;
  /** The page a chat started on (CHAT only). */
  pageUrl?: string | null | undefined;
  /** Custom conversation properties: a flat object of strings, numbers and booleans. */
  properties?: Record<string, unknown> | null | undefined;
  /** Required: `OPEN` or `CLOSED` (see the ConversationStatus enum). */
  status?: string | null | undefined;
  /** Subject line or topic. */
  subject?: string | null | undefined;
  /** The team it belongs to. */
  team?: NamedRefInput | null | undefined;
};

/** Whether a conversation still needs work. */
export type ConversationStatus =
  /** Closed; it has a `closedAt`. */
  | 'CLOSED'
  /** Not closed yet. */
  | 'OPEN';

/** Local calendar dates, both inclusive, in the report's timezone. */
export type DateRangeInput = {
  /** First day, YYYY-MM-DD. */
  from: string;
  /** Last day, YYYY-MM-DD (not before `from`). */
  to: string;
};

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

/** What a measure value counts. */
export type MeasureUnit =
  /** A number of conversations. */
  | 'COUNT'
  /** A duration in seconds. */
  | 'SECONDS';

/** One message; messages may come in any order and are sorted by sentAt. */
export type MessageInput = {
  /** For AGENT messages: the id of the agent who sent it. */
  agentId?: string | null | undefined;
  /** Who sent it (required): `VISITOR` (the contact), `AGENT` (a team member; the first agent message at or after the first visitor message is the first response) or `BOT` (never counts as a response). */
  from?: string | null | undefined;
  /** Your id for the message. */
  id?: string | null | undefined;
  /** When it was sent (required): ISO 8601 with an offset, e.g. `2026-03-01T09:15:00Z`. */
  sentAt?: string | null | undefined;
};

/** Something a conversation points at, by the id used in your inbox system. */
export type NamedRefInput = {
  /** Your id for it (required, at most 191 characters); reports group by it. */
  id?: string | null | undefined;
  /** Display name; defaults to the id. The latest name given wins. */
  name?: string | null | undefined;
};

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

/** What a user may do in their account. */
export type Role =
  /** Sees and manages every dashboard of the account. */
  | 'ADMIN'
  /** Sees what is shared with them. */
  | 'MEMBER';

/** Which report to run and how. Give exactly one of `definitionId` and `reportId`. */
export type RunReportInput = {
  /** Local dates to report on; absent means all time. */
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

export type ConversationsQueryVariables = Exact<{
  filters?: Array<FilterInput> | FilterInput | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  timezone?: string | null | undefined;
}>;


export type ConversationsQuery = { conversations: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ externalId: string, channel: Channel, status: ConversationStatus, createdAt: string, closedAt: string | null, firstResponseSeconds: number | null, timeToCloseSeconds: number | null, subject: string | null, pageUrl: string | null, messageCount: number, contact: { email: string | null, name: string | null }, assignee: { externalId: string, name: string, email: string | null } | null, inbox: { externalId: string, name: string }, team: { externalId: string, name: string } | null, chatflow: { externalId: string, name: string } | null, properties: Array<{ name: string, value: string }> }> } };

export type ConversationIdsQueryVariables = Exact<{
  filters?: Array<FilterInput> | FilterInput | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ConversationIdsQuery = { conversations: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ externalId: string }> } };

export type IngestMutationVariables = Exact<{
  input: Array<ConversationInput> | ConversationInput;
}>;


export type IngestMutation = { ingestConversations: { imported: number, updated: number, unchanged: number, rejected: Array<{ index: number, error: string }> } };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { userId: string, email: string, role: Role, account: { id: string, name: string, plan: Plan, reportingAddon: boolean, timezone: string } } };

export type ReportDefinitionsQueryVariables = Exact<{
  channel?: Channel | null | undefined;
}>;


export type ReportDefinitionsQuery = { reportDefinitions: Array<{ id: string, title: string, description: string, channel: Channel | null, defaultChartType: ChartType }> };

export type ConversationPropertiesQueryVariables = Exact<{ [key: string]: never; }>;


export type ConversationPropertiesQuery = { conversationProperties: Array<{ key: string, label: string, type: PropertyType, operators: Array<FilterOperator> }> };

export type RunReportQueryVariables = Exact<{
  input: RunReportInput;
}>;


export type RunReportQuery = { runReport: { dimensions: Array<{ key: string, label: string }>, measures: Array<{ key: string, label: string, unit: MeasureUnit }>, rows: Array<{ measureValues: Array<number | null>, dimensionValues: Array<{ value: string | null, label: string }> }> } };

export type DrilldownQueryVariables = Exact<{
  input: DrilldownInput;
}>;


export type DrilldownQuery = { drilldown: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ externalId: string, channel: Channel, status: ConversationStatus, createdAt: string, closedAt: string | null, firstResponseSeconds: number | null, assignee: { externalId: string, name: string } | null }> } };


export const ConversationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Conversations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filters"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FilterInput"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"timezone"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"conversations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filters"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filters"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"timezone"},"value":{"kind":"Variable","name":{"kind":"Name","value":"timezone"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"timeToCloseSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"pageUrl"}},{"kind":"Field","name":{"kind":"Name","value":"messageCount"}},{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inbox"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"chatflow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"properties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConversationsQuery, ConversationsQueryVariables>;
export const ConversationIdsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConversationIds"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filters"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FilterInput"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"conversations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filters"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filters"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}}]}}]}}]}}]} as unknown as DocumentNode<ConversationIdsQuery, ConversationIdsQueryVariables>;
export const IngestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Ingest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ConversationInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ingestConversations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"imported"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}},{"kind":"Field","name":{"kind":"Name","value":"rejected"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]}}]} as unknown as DocumentNode<IngestMutation, IngestMutationVariables>;
export const ViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"plan"}},{"kind":"Field","name":{"kind":"Name","value":"reportingAddon"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}}]}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;
export const ReportDefinitionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReportDefinitions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"channel"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Channel"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportDefinitions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"channel"},"value":{"kind":"Variable","name":{"kind":"Name","value":"channel"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"defaultChartType"}}]}}]}}]} as unknown as DocumentNode<ReportDefinitionsQuery, ReportDefinitionsQueryVariables>;
export const ConversationPropertiesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConversationProperties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"conversationProperties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"operators"}}]}}]}}]} as unknown as DocumentNode<ConversationPropertiesQuery, ConversationPropertiesQueryVariables>;
export const RunReportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RunReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RunReportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dimensions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"measures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dimensionValues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"measureValues"}}]}}]}}]}}]} as unknown as DocumentNode<RunReportQuery, RunReportQueryVariables>;
export const DrilldownDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Drilldown"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DrilldownInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"drilldown"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"assignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DrilldownQuery, DrilldownQueryVariables>;