export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar.This scalar is serialized to a string in ISO 8601 format and parsed from a string in ISO 8601 format. */
  DateTimeISO: { input: unknown; output: unknown; }
  /** The `JSONObject` scalar type represents JSON objects as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSONObject: { input: unknown; output: unknown; }
};

/** Your account (HubSpot calls it a portal): its plan decides what you may edit. */
export type Account = {
  __typename?: 'Account';
  /** Account id. */
  id: Scalars['ID']['output'];
  /** Account name. */
  name: Scalars['String']['output'];
  /** The subscription: it decides what may be edited. */
  plan: Plan;
  /** Whether the reporting add-on is on (it allows editing reports on FREE and STARTER). */
  reportingAddon: Scalars['Boolean']['output'];
  /** The IANA time zone reports use by default. */
  timezone: Scalars['String']['output'];
};

/** A team member conversations are assigned to, as named by the latest import. */
export type Agent = {
  __typename?: 'Agent';
  /** Email address, if the import gave one. */
  email?: Maybe<Scalars['String']['output']>;
  /** The id given on import (e.g. `u-7`). */
  externalId: Scalars['ID']['output'];
  /** Display name. */
  name: Scalars['String']['output'];
};

/** The team member a conversation is assigned to. */
export type AssigneeInput = {
  /** Email address. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** Your id for it (required, at most 191 characters); reports group by it. */
  id?: InputMaybe<Scalars['String']['input']>;
  /** Display name; defaults to the id. The latest name given wins. */
  name?: InputMaybe<Scalars['String']['input']>;
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

/** A chatflow: the chat widget or bot that started a chat. */
export type Chatflow = {
  __typename?: 'Chatflow';
  /** The id given on import (e.g. `cf-2`). */
  externalId: Scalars['ID']['output'];
  /** Display name. */
  name: Scalars['String']['output'];
};

/** The person on the other side of the conversation. */
export type Contact = {
  __typename?: 'Contact';
  /** Email address, if known. */
  email?: Maybe<Scalars['String']['output']>;
  /** Name, if known. */
  name?: Maybe<Scalars['String']['output']>;
};

/** The person on the other side. */
export type ContactInput = {
  /** Email address. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** Name. */
  name?: InputMaybe<Scalars['String']['input']>;
};

/** One chat or email conversation of the shared inbox, as reports count it. */
export type Conversation = {
  __typename?: 'Conversation';
  /** The assigned team member; null when unassigned. */
  assignee?: Maybe<Agent>;
  /** CHAT or EMAIL. */
  channel: Channel;
  /** The chatflow that started it (chats only), if any. */
  chatflow?: Maybe<Chatflow>;
  /** When it was closed; null while OPEN. */
  closedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** The contact. */
  contact: Contact;
  /** When the conversation started (UTC, millisecond precision). */
  createdAt: Scalars['DateTimeISO']['output'];
  /** The id given on import, unique within the account. */
  externalId: Scalars['ID']['output'];
  /** Seconds from the first VISITOR message to the first AGENT message at or after it; null without a visitor message or a reply. */
  firstResponseSeconds?: Maybe<Scalars['Float']['output']>;
  /** The inbox it arrived in. */
  inbox: Inbox;
  /** How many messages the conversation holds. */
  messageCount: Scalars['Int']['output'];
  /** The web page a chat started on; null for emails. */
  pageUrl?: Maybe<Scalars['String']['output']>;
  /** Its custom properties, by name. */
  properties: Array<CustomPropertyValue>;
  /** OPEN or CLOSED. */
  status: ConversationStatus;
  /** Subject line (emails) or topic (chats). */
  subject?: Maybe<Scalars['String']['output']>;
  /** The team it belongs to, if any. */
  team?: Maybe<Team>;
  /** Seconds from createdAt to closedAt; null while OPEN. */
  timeToCloseSeconds?: Maybe<Scalars['Float']['output']>;
};

/** A page of conversations, newest first. */
export type ConversationConnection = {
  __typename?: 'ConversationConnection';
  /** The conversations of this page. */
  nodes: Array<Conversation>;
  /** Where this page ends. */
  pageInfo: PageInfo;
  /** How many conversations match in all pages together. */
  totalCount: Scalars['Int']['output'];
};

/** A conversation to create or update, in the import format (CONTRACT.md section 2). The same id again updates it. */
export type ConversationInput = {
  /** The assigned team member; null or absent means unassigned. */
  assignee?: InputMaybe<AssigneeInput>;
  /** Required: `CHAT` or `EMAIL` (see the Channel enum). */
  channel?: InputMaybe<Scalars['String']['input']>;
  /** The chatflow that started it (CHAT only). */
  chatflow?: InputMaybe<NamedRefInput>;
  /** When it was closed: required when CLOSED, not earlier than createdAt. */
  closedAt?: InputMaybe<Scalars['String']['input']>;
  /** The contact. */
  contact?: InputMaybe<ContactInput>;
  /** When it started (required): ISO 8601 timestamp with an offset. */
  createdAt?: InputMaybe<Scalars['String']['input']>;
  /** Your id for the conversation (required), unique within the account, at most 191 characters. */
  id?: InputMaybe<Scalars['String']['input']>;
  /** The inbox it arrived in (required). */
  inbox?: InputMaybe<NamedRefInput>;
  /** The messages, in any order. */
  messages?: InputMaybe<Array<MessageInput>>;
  /** The page a chat started on (CHAT only). */
  pageUrl?: InputMaybe<Scalars['String']['input']>;
  /** Custom conversation properties: a flat object of strings, numbers and booleans. */
  properties?: InputMaybe<Scalars['JSONObject']['input']>;
  /** Required: `OPEN` or `CLOSED` (see the ConversationStatus enum). */
  status?: InputMaybe<Scalars['String']['input']>;
  /** Subject line or topic. */
  subject?: InputMaybe<Scalars['String']['input']>;
  /** The team it belongs to. */
  team?: InputMaybe<NamedRefInput>;
};

/** A conversation property reports can filter, group by or measure. */
export type ConversationPropertyInfo = {
  __typename?: 'ConversationPropertyInfo';
  /** Whether reports can group by it (dates group by time buckets). */
  groupable: Scalars['Boolean']['output'];
  /** Key to use in filters and dimensions, e.g. `assignee` or `properties.priority`. */
  key: Scalars['String']['output'];
  /** Display name. */
  label: Scalars['String']['output'];
  /** Filter operators allowed for it. */
  operators: Array<FilterOperator>;
  /** Kind of value. */
  type: PropertyType;
  /** The allowed values of an ENUM property. */
  values?: Maybe<Array<Scalars['String']['output']>>;
};

/** Whether a conversation still needs work. */
export type ConversationStatus =
  /** Closed; it has a `closedAt`. */
  | 'CLOSED'
  /** Not closed yet. */
  | 'OPEN';

/** One custom conversation property of a conversation (`properties.<name>`). */
export type CustomPropertyValue = {
  __typename?: 'CustomPropertyValue';
  /** The property name as imported (without the `properties.` prefix). */
  name: Scalars['String']['output'];
  /** The value as text; booleans are `true`/`false`, numbers in their shortest decimal form. */
  value: Scalars['String']['output'];
};

/** Local calendar dates, both inclusive, in the report's timezone. */
export type DateRangeInput = {
  /** First day, YYYY-MM-DD. */
  from: Scalars['String']['input'];
  /** Last day, YYYY-MM-DD (not before `from`). */
  to: Scalars['String']['input'];
};

/** The value of one dimension in a row. */
export type DimensionValueType = {
  __typename?: 'DimensionValueType';
  /** Display name: the name, `Unassigned` or `(No value)` for no value, the date for a bucket. */
  label: Scalars['String']['output'];
  /** External id (assignee, inbox, team, chatflow), the URL, the enum value, or a time bucket's first day (YYYY-MM-DD); null for no value. Pass it back in `drilldown.point`. */
  value?: Maybe<Scalars['String']['output']>;
};

/** A data point of a report run, to list the conversations behind it. */
export type DrilldownInput = {
  /** The `pageInfo.endCursor` of the previous page. */
  after?: InputMaybe<Scalars['String']['input']>;
  /** Page size: 1 to 500, default 50. */
  first?: InputMaybe<Scalars['Int']['input']>;
  /** Which measure's conversations to list; default the leading one. */
  measure?: InputMaybe<Scalars['String']['input']>;
  /** One `dimensionValues.value` per dimension of the run, in order (null for no value). */
  point?: InputMaybe<Array<InputMaybe<Scalars['String']['input']>>>;
  /** The run the data point belongs to. */
  run: RunReportInput;
};

/** One condition on a conversation property. Several filters combine with AND. */
export type FilterInput = {
  /** How the property is compared with the values. */
  operator: FilterOperator;
  /** A property key from `conversationProperties`, e.g. `assignee`, `createdAt` or `properties.priority`. */
  property: Scalars['String']['input'];
  /** The values to compare with, as strings: external ids for assignee, inbox, team and chatflow; seconds for durations; `YYYY-MM-DD` (a whole local day) or an ISO 8601 instant for dates; `true`/`false` for booleans. IS_KNOWN and IS_UNKNOWN take none, BETWEEN two, IN and NOT_IN one or more, the others one. */
  values?: InputMaybe<Array<Scalars['String']['input']>>;
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

/** A shared inbox conversations arrive in. */
export type Inbox = {
  __typename?: 'Inbox';
  /** The id given on import (e.g. `support`). */
  externalId: Scalars['ID']['output'];
  /** Display name. */
  name: Scalars['String']['output'];
};

/** A conversation that was not stored, and why. */
export type IngestRejection = {
  __typename?: 'IngestRejection';
  /** The field that is wrong and the reason, e.g. `closedAt: must not be earlier than createdAt (...)`. */
  error: Scalars['String']['output'];
  /** Its 0-based position in the input list. */
  index: Scalars['Int']['output'];
};

/** What `ingestConversations` did, counted like `threadline import`. */
export type IngestResult = {
  __typename?: 'IngestResult';
  /** Conversations that were new. */
  imported: Scalars['Int']['output'];
  /** Conversations that were not stored; the others were. */
  rejected: Array<IngestRejection>;
  /** Existing conversations sent again with identical data (nothing written). */
  unchanged: Scalars['Int']['output'];
  /** Existing conversations whose data changed. */
  updated: Scalars['Int']['output'];
};

/** What a measure value counts. */
export type MeasureUnit =
  /** A number of conversations. */
  | 'COUNT'
  /** A duration in seconds. */
  | 'SECONDS';

/** One message; messages may come in any order and are sorted by sentAt. */
export type MessageInput = {
  /** For AGENT messages: the id of the agent who sent it. */
  agentId?: InputMaybe<Scalars['String']['input']>;
  /** Who sent it (required): `VISITOR` (the contact), `AGENT` (a team member; the first agent message at or after the first visitor message is the first response) or `BOT` (never counts as a response). */
  from?: InputMaybe<Scalars['String']['input']>;
  /** Your id for the message. */
  id?: InputMaybe<Scalars['String']['input']>;
  /** When it was sent (required): ISO 8601 with an offset, e.g. `2026-03-01T09:15:00Z`. */
  sentAt?: InputMaybe<Scalars['String']['input']>;
};

/** Push conversations as they happen. */
export type Mutation = {
  __typename?: 'Mutation';
  /** Creates or updates conversations as they happen, validated like `threadline import` (at most 1000 per call). */
  ingestConversations: IngestResult;
};


/** Push conversations as they happen. */
export type MutationIngestConversationsArgs = {
  input: Array<ConversationInput>;
};

/** Something a conversation points at, by the id used in your inbox system. */
export type NamedRefInput = {
  /** Your id for it (required, at most 191 characters); reports group by it. */
  id?: InputMaybe<Scalars['String']['input']>;
  /** Display name; defaults to the id. The latest name given wins. */
  name?: InputMaybe<Scalars['String']['input']>;
};

/** Where a page of results ends, for cursor pagination. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Pass as `after` to get the next page; null on an empty page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether more results follow this page. */
  hasNextPage: Scalars['Boolean']['output'];
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

/** Read conversations, the report catalog, report results and drill-downs of your account. */
export type Query = {
  __typename?: 'Query';
  /** What reports can filter, group by and measure, with the operators each allows; custom properties as `properties.<name>`. */
  conversationProperties: Array<ConversationPropertyInfo>;
  /** Conversations of your account that pass every filter, newest first, cursor-paged. */
  conversations: ConversationConnection;
  /** The conversations behind one data point of a report run; `totalCount` equals the point's count. */
  drilldown: ConversationConnection;
  /** The report catalog: the twelve standard reports and those added by plugins. */
  reportDefinitions: Array<ReportDefinition>;
  /** Runs a report of the catalog or a saved report. */
  runReport: ReportResult;
  /** The user behind the API token, and their account. */
  viewer: Viewer;
};


/** Read conversations, the report catalog, report results and drill-downs of your account. */
export type QueryConversationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filters?: InputMaybe<Array<FilterInput>>;
  first?: InputMaybe<Scalars['Int']['input']>;
  timezone?: InputMaybe<Scalars['String']['input']>;
};


/** Read conversations, the report catalog, report results and drill-downs of your account. */
export type QueryDrilldownArgs = {
  input: DrilldownInput;
};


/** Read conversations, the report catalog, report results and drill-downs of your account. */
export type QueryReportDefinitionsArgs = {
  channel?: InputMaybe<Channel>;
};


/** Read conversations, the report catalog, report results and drill-downs of your account. */
export type QueryRunReportArgs = {
  input: RunReportInput;
};

/** A report of the catalog: the standard reports and those added by plugins. */
export type ReportDefinition = {
  __typename?: 'ReportDefinition';
  /** The channel it counts; null for both. */
  channel?: Maybe<Channel>;
  /** `createdAt` or `closedAt`: the instant a date range selects conversations by. */
  dateProperty: Scalars['String']['output'];
  /** How it is drawn unless a saved copy says otherwise. */
  defaultChartType: ChartType;
  /** Filters always applied (AND) before the run's own. */
  defaultFilters: Array<ReportFilter>;
  /** Bucket size of its date dimension, if it has one. */
  defaultGranularity?: Maybe<Granularity>;
  /** What the report shows. */
  description: Scalars['String']['output'];
  /** What it groups by: x-axis, then break-down. */
  dimensions: Array<ReportDimension>;
  /** Stable id, e.g. `chat-volume-by-assignee`. */
  id: Scalars['ID']['output'];
  /** What it measures, leading measure first. */
  measures: Array<ReportMeasure>;
  /** Title as shown on a dashboard. */
  title: Scalars['String']['output'];
};

/** A dimension of a report: a property the rows are grouped by. */
export type ReportDimension = {
  __typename?: 'ReportDimension';
  /** The property key, as in `conversationProperties` (e.g. `assignee`, `createdAt`). */
  key: Scalars['String']['output'];
  /** Display name. */
  label: Scalars['String']['output'];
};

/** A filter as stored in a report. */
export type ReportFilter = {
  __typename?: 'ReportFilter';
  /** Operator. */
  operator: FilterOperator;
  /** Property key. */
  property: Scalars['String']['output'];
  /** Values (none for IS_KNOWN / IS_UNKNOWN). */
  values: Array<Scalars['String']['output']>;
};

/** A measure of a report: what each row counts or averages. */
export type ReportMeasure = {
  __typename?: 'ReportMeasure';
  /** e.g. `count`, `closedCount`, `openCount`, `avgFirstResponseSeconds`, `avgTimeToCloseSeconds`, `medianFirstResponseSeconds`, `p90TimeToCloseSeconds`. */
  key: Scalars['String']['output'];
  /** Display name. */
  label: Scalars['String']['output'];
  /** COUNT or SECONDS. */
  unit: MeasureUnit;
};

/** The rows of a report run. */
export type ReportResult = {
  __typename?: 'ReportResult';
  /** The same rows as CSV (RFC 4180, labels and values, durations in seconds), for export. */
  csv: Scalars['String']['output'];
  /** The dimensions, in the order of each row's `dimensionValues`. */
  dimensions: Array<ReportDimension>;
  /** The measures, in the order of each row's `measureValues`. */
  measures: Array<ReportMeasure>;
  /** Data points: time in time order (every bucket, empty ones 0); otherwise largest first. */
  rows: Array<ReportRow>;
};

/** One data point: a combination of dimension values and its measures. */
export type ReportRow = {
  __typename?: 'ReportRow';
  /** One per dimension, in order. */
  dimensionValues: Array<DimensionValueType>;
  /** One per measure, in order; null for an average over no conversations. */
  measureValues: Array<Maybe<Scalars['Float']['output']>>;
};

/** What a user may do in their account. */
export type Role =
  /** Sees and manages every dashboard of the account. */
  | 'ADMIN'
  /** Sees what is shared with them. */
  | 'MEMBER';

/** Which report to run and how. Give exactly one of `definitionId` and `reportId`. */
export type RunReportInput = {
  /** Local dates to report on; absent means all time. */
  dateRange?: InputMaybe<DateRangeInput>;
  /** A report of the catalog (`reportDefinitions`). */
  definitionId?: InputMaybe<Scalars['ID']['input']>;
  /** Extra conditions, combined with AND with the report's own. */
  filters?: InputMaybe<Array<FilterInput>>;
  /** Bucket size for a date dimension; ignored by reports without one. */
  granularity?: InputMaybe<Granularity>;
  /** A saved report (`reports`). */
  reportId?: InputMaybe<Scalars['ID']['input']>;
  /** IANA zone for the date range and time buckets; default the account's, else UTC. */
  timezone?: InputMaybe<Scalars['String']['input']>;
};

/** A team of agents. */
export type Team = {
  __typename?: 'Team';
  /** The id given on import (e.g. `t-1`). */
  externalId: Scalars['ID']['output'];
  /** Display name. */
  name: Scalars['String']['output'];
};

/** Who is calling: the user behind the API token. */
export type Viewer = {
  __typename?: 'Viewer';
  /** The account the user belongs to. */
  account: Account;
  /** Email address. */
  email: Scalars['String']['output'];
  /** ADMIN or MEMBER. */
  role: Role;
  /** External id of the user's team, if any. */
  teamId?: Maybe<Scalars['String']['output']>;
  /** User id. */
  userId: Scalars['ID']['output'];
};
