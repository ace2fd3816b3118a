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
  /** Whether the plan (or the reporting add-on) allows editing reports and building custom ones. */
  canEditReports: Scalars['Boolean']['output'];
  /** Account id. */
  id: Scalars['ID']['output'];
  /** Account name. */
  name: Scalars['String']['output'];
  /** The subscription: it decides what may be edited. */
  plan: Plan;
  /** Why editing reports is refused on this plan (the PLAN_REQUIRED message), naming the plan or add-on needed; null when allowed. */
  reportEditingRequires?: Maybe<Scalars['String']['output']>;
  /** Whether the reporting add-on is on (it allows editing reports on FREE and STARTER). */
  reportingAddon: Scalars['Boolean']['output'];
  /** The IANA time zone reports use by default. */
  timezone: Scalars['String']['output'];
};

/** A report to add to a dashboard: from the catalog or a saved report (give one). */
export type AddReportToDashboardInput = {
  /** The dashboard. */
  dashboardId: Scalars['ID']['input'];
  /** A report of the catalog. */
  definitionId?: InputMaybe<Scalars['ID']['input']>;
  /** Where to put it, from 0; default at the end. */
  position?: InputMaybe<Scalars['Int']['input']>;
  /** A saved report. */
  reportId?: InputMaybe<Scalars['ID']['input']>;
  /** Width in columns, 1 to 12; default 6. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** A team member conversations are assigned to, as named by the latest import. */
export type Agent = {
  __typename?: 'Agent';
  /** Email address, if the import gave one. */
  email?: Maybe<Scalars['String']['output']>;
  /** The id given on import (e.g. `u-7`). */
  externalId: Scalars['ID']['output'];
  /** Global id: opaque, stable, unique across every type and account (for client caches). Filters and imports take `externalId`. */
  id: Scalars['ID']['output'];
  /** Display name. */
  name: Scalars['String']['output'];
};

/** An API token as admins see it. Its secret is shown only once, when it is created. */
export type ApiToken = {
  __typename?: 'ApiToken';
  /** When it was created. */
  createdAt: Scalars['DateTimeISO']['output'];
  /** When it stops working; null: never. */
  expiresAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** The token's public id (what `revokeApiToken` and `threadline token revoke` take); not the secret. */
  id: Scalars['ID']['output'];
  /** When it last authenticated a request, to within about a minute; null: never used. */
  lastUsedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** What it is for, if named (e.g. "Zendesk sync"). */
  name?: Maybe<Scalars['String']['output']>;
  /** When it was revoked; null: not revoked. */
  revokedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** What it may be used for. */
  scope: TokenScope;
  /** Whether it works now. */
  status: TokenStatus;
  /** The user it acts as. */
  user: TeamMember;
};

/** The team member a conversation is assigned to. */
export type AssigneeInput = {
  /** Email address. Left out, the stored address stays; an explicit null (or empty string) clears it. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** Your id for it (required, at most 191 characters); reports group by it. */
  id?: InputMaybe<Scalars['String']['input']>;
  /** Display name. The latest name given wins; left out (or null), the stored name stays, and an id never named shows as its id until a name arrives. */
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
  /** Global id: opaque, stable, unique across every type and account (for client caches). Filters and imports take `externalId`. */
  id: Scalars['ID']['output'];
  /** Display name. */
  name: Scalars['String']['output'];
};

/** The earlier range a report run is compared with. */
export type CompareTo =
  /** The same number of days just before the date range (March, 31 days, compares with 29 January to 28 February). */
  | 'PREVIOUS_PERIOD'
  /** The same local dates one year earlier (29 February becomes 28 February). */
  | 'PREVIOUS_YEAR';

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
  /** Global id: opaque, stable, unique across every type and account (for client caches). Filters, drill-down points and imports take `externalId`. */
  id: Scalars['ID']['output'];
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
  /** The same conversations as `nodes`, each with its cursor (for Relay-style clients such as Apollo Client's `relayStylePagination`). */
  edges: Array<ConversationEdge>;
  /** The conversations of this page. */
  nodes: Array<Conversation>;
  /** Where this page ends. */
  pageInfo: PageInfo;
  /** How many conversations match in all pages together. */
  totalCount: Scalars['Int']['output'];
};

/** A conversation of a page, with the cursor that pages on from it. */
export type ConversationEdge = {
  __typename?: 'ConversationEdge';
  /** Pass as `after` to get the conversations that follow this one. */
  cursor: Scalars['String']['output'];
  /** The conversation. */
  node: Conversation;
};

/** A conversation to create or update, in the import format (see docs/import-format.md and schema/conversation.schema.json). The same id again updates it. */
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

/** A new API token. Give the user by `userId` or by `email`. */
export type CreateApiTokenInput = {
  /** The user it acts as, by email. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** When it stops working: a lifetime (`12h`, `90d`, `4w`) or an ISO 8601 date (`2027-01-31`, 00:00 UTC) or instant with offset; at most ten years ahead. Absent: never. */
  expires?: InputMaybe<Scalars['String']['input']>;
  /** What it is for, at most 100 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** What it may be used for; default ADMIN for an ADMIN user, READ for a MEMBER. */
  scope?: InputMaybe<TokenScope>;
  /** The user it acts as. */
  userId?: InputMaybe<Scalars['ID']['input']>;
};

/** A new dashboard from a template of the library. */
export type CreateDashboardFromTemplateInput = {
  /** Dashboard name, 1 to 200 characters. */
  name: Scalars['String']['input'];
  /** Who can see and edit it. */
  privacy: DashboardPrivacy;
  /** Which of the template's reports to include (the checkboxes); absent for all. */
  reportDefinitionIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Users and teams to share with (privacy SPECIFIC only). */
  shares?: InputMaybe<Array<ShareInput>>;
  /** `chat-overview` or `email-overview` (see `dashboardTemplates`). */
  templateId: Scalars['ID']['input'];
};

/** A new saved report: from scratch (name and chartType required; measures default to count), or a copy of a catalog report with changes. */
export type CreateReportInput = {
  /** The channel counted; null for both. */
  channel?: InputMaybe<Channel>;
  /** How it is drawn; it must be able to show the dimensions (PIE and DONUT one, SUMMARY none). */
  chartType?: InputMaybe<ChartType>;
  /** `createdAt` or `closedAt`: the instant the date range selects conversations by (all time: every conversation that has it, so a report by closedAt never counts open ones). Dimensions never select. */
  dateProperty?: InputMaybe<Scalars['String']['input']>;
  /** The range it shows unless a run or dashboard gives one; null for all time. */
  dateRange?: InputMaybe<ReportDateRangeInput>;
  /** Property keys from `conversationProperties`: the x-axis, then an optional break-down. Reorder to move a property between them. Dimensions only group the conversations the date range and filters select, each in exactly one row: adding, removing or reordering them never changes the total of a count. A date dimension on the report's dateProperty has the buckets of the date range (empty ones 0); one on the other date property buckets each conversation by that date, inside the range or not, and those without it (open conversations have no closedAt) form the no-value group (null, "(No value)", listed last). */
  dimensions?: InputMaybe<Array<Scalars['String']['input']>>;
  /** The report's filters, all of them (AND); they replace the current ones. */
  filters?: InputMaybe<Array<FilterInput>>;
  /** Start from this report of the catalog: what is not given is copied from it. */
  fromDefinitionId?: InputMaybe<Scalars['ID']['input']>;
  /** Bucket size when a dimension is a date (required then). */
  granularity?: InputMaybe<Granularity>;
  /** Measure keys, leading one first, e.g. `count`, `avgFirstResponseSeconds` (1 to 5). */
  measures?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Report name, 1 to 200 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Who can see it; default EVERYONE. */
  privacy?: InputMaybe<ReportPrivacy>;
  /** IANA zone for its dates and buckets; null for the account's. */
  timezone?: InputMaybe<Scalars['String']['input']>;
};

/** A new user of your account. */
export type CreateUserInput = {
  /** Email address, unique within the account. */
  email: Scalars['String']['input'];
  /** Display name, at most 200 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** ADMIN or MEMBER (default MEMBER). */
  role?: InputMaybe<Role>;
  /** Team name; a team of that name is created if the account has none. */
  team?: InputMaybe<Scalars['String']['input']>;
};

/** One custom conversation property of a conversation (`properties.<name>`). */
export type CustomPropertyValue = {
  __typename?: 'CustomPropertyValue';
  /** The property name as imported (without the `properties.` prefix). */
  name: Scalars['String']['output'];
  /** The value as text; booleans are `true`/`false`, numbers in their shortest decimal form. */
  value: Scalars['String']['output'];
};

/** Reports in an order and layout, with a date range and filters for all of them. */
export type Dashboard = {
  __typename?: 'Dashboard';
  /** What you may do with it. */
  access: DashboardAccess;
  /** When it was created. */
  createdAt: Scalars['DateTimeISO']['output'];
  /** The date range all its reports show; null lets each report use its own. */
  dateRange?: Maybe<ReportDateRange>;
  /** Filters applied to all its reports (AND). */
  filters: Array<ReportFilter>;
  /** Dashboard id. */
  id: Scalars['ID']['output'];
  /** Name. */
  name: Scalars['String']['output'];
  /** Who created it. */
  owner?: Maybe<TeamMember>;
  /** Who can see and edit it. */
  privacy: DashboardPrivacy;
  /** Its reports in layout order. At most 30, so report runs asked for below it count 30 times toward the request's cost budget. */
  reports: Array<DashboardReport>;
  /** Users and teams it is shared with (privacy SPECIFIC). */
  shares: Array<DashboardShare>;
  /** The template it was made from, if any. */
  templateId?: Maybe<Scalars['ID']['output']>;
  /** When it was last changed. */
  updatedAt: Scalars['DateTimeISO']['output'];
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

/** One report on a dashboard: a catalog report or a saved report, with its place in the layout. */
export type DashboardReport = {
  __typename?: 'DashboardReport';
  /** The catalog report shown, if it is one. */
  definition?: Maybe<ReportDefinition>;
  /** Id of this place on the dashboard (for layout, editing and removal). */
  id: Scalars['ID']['output'];
  /** Order on the dashboard, from 0. */
  position: Scalars['Int']['output'];
  /** The saved report shown, if it is one. */
  report?: Maybe<Report>;
  /** Runs it with the dashboard's date range and filters; the arguments override the range and add filters. Null, with a CONFIG_INVALID error naming the report or dashboard, when a stored configuration no longer validates: the other reports still show. Counts 1 toward the request's cost budget. */
  result?: Maybe<ReportResult>;
  /** The title shown: the saved report's name or the catalog report's title. */
  title: Scalars['String']['output'];
  /** Width in columns of a 12-column grid. */
  width: Scalars['Int']['output'];
};


/** One report on a dashboard: a catalog report or a saved report, with its place in the layout. */
export type DashboardReportResultArgs = {
  dateRange?: InputMaybe<DateRangeInput>;
  filters?: InputMaybe<Array<FilterInput>>;
  granularity?: InputMaybe<Granularity>;
  timezone?: InputMaybe<Scalars['String']['input']>;
};

/** A user or team a SPECIFIC dashboard is shared with. */
export type DashboardShare = {
  __typename?: 'DashboardShare';
  /** VIEW or EDIT. */
  access: DashboardAccess;
  /** User id, or team external id. */
  granteeId: Scalars['ID']['output'];
  /** USER or TEAM. */
  granteeType: ShareGrantee;
};

/** A dashboard of the library to start from. */
export type DashboardTemplate = {
  __typename?: 'DashboardTemplate';
  /** The channel its reports count. */
  channel: Channel;
  /** What it shows. */
  description: Scalars['String']['output'];
  /** `chat-overview` or `email-overview`. */
  id: Scalars['ID']['output'];
  /** Its reports, in dashboard order; pick some or all when creating a dashboard. */
  reports: Array<ReportDefinition>;
  /** Title. */
  title: Scalars['String']['output'];
};

/** Local calendar dates, both inclusive, in the report's timezone. */
export type DateRangeInput = {
  /** First day, YYYY-MM-DD. */
  from: Scalars['String']['input'];
  /** Last day, YYYY-MM-DD (not before `from`). */
  to: Scalars['String']['input'];
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

/** An edit of a report where it sits on a dashboard. */
export type EditDashboardReportInput = {
  /** What to change. */
  changes: ReportChangesInput;
  /** The dashboard. */
  dashboardId: Scalars['ID']['input'];
  /** The `DashboardReport.id`. */
  dashboardReportId: Scalars['ID']['input'];
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
  /** Global id: opaque, stable, unique across every type and account (for client caches). Filters and imports take `externalId`. */
  id: Scalars['ID']['output'];
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

/** A place on the dashboard and its width, in the new order. */
export type LayoutItemInput = {
  /** A `DashboardReport.id` of this dashboard. */
  id: Scalars['ID']['input'];
  /** Width in columns, 1 to 12; absent keeps it. */
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** Inclusive local dates, YYYY-MM-DD. */
export type LocalDateRange = {
  __typename?: 'LocalDateRange';
  /** First day. */
  from: Scalars['String']['output'];
  /** Last day. */
  to: Scalars['String']['output'];
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

/** Push conversations as they happen (an ADMIN token or an INGEST token); build and edit saved reports and dashboards; admins manage users and API tokens. */
export type Mutation = {
  __typename?: 'Mutation';
  /** Adds a catalog report or a saved report to a dashboard (edit access). */
  addReportToDashboard: Dashboard;
  /** Creates an API token for a user of your account; its secret is shown this once. Admins with an ADMIN token. */
  createApiToken: NewApiToken;
  /** Creates a dashboard from a template with the reports you pick. Limited in number per plan. */
  createDashboardFromTemplate: Dashboard;
  /** Builds a custom conversation report, or saves an edited copy of a catalog report. Needs PROFESSIONAL, ENTERPRISE or the reporting add-on. */
  createReport: Report;
  /** Creates a user with a first API token, whose secret is shown this once. Admins with an ADMIN token. */
  createUser: NewUser;
  /** Deactivates a user: their tokens are revoked at once and they cannot authenticate; their dashboards and reports remain. The last active ADMIN cannot be deactivated. Admins with an ADMIN token. */
  deactivateUser: User;
  /** Deletes a dashboard (owner, or an admin unless it is private to another user); its saved reports are kept. Returns its id. */
  deleteDashboard: Scalars['ID']['output'];
  /** Deletes a saved report (owner, or an admin unless it is private to another user) and takes it off every dashboard. Returns its id. */
  deleteReport: Scalars['ID']['output'];
  /** Edits a report on a dashboard; a catalog report becomes an edited copy there. Needs PROFESSIONAL, ENTERPRISE or the reporting add-on. */
  editDashboardReport: Dashboard;
  /** Creates or updates conversations as they happen, validated like `threadline import` (at most 1000 per call). Needs an ADMIN's ADMIN-scoped token or an INGEST-scoped token. Counts 1 toward the request's cost budget per 100 entries of `input` (at least 1). */
  ingestConversations: IngestResult;
  /** Gives a dashboard to another user of the account, e.g. when its owner left (admins only; any privacy). */
  reassignDashboardOwner: Dashboard;
  /** Gives a saved report to another user of the account, e.g. when its owner left (admins only; any privacy, any plan). Kept as a revision. */
  reassignReportOwner: Report;
  /** Takes a report off a dashboard (edit access); a saved report itself is kept. */
  removeReportFromDashboard: Dashboard;
  /** Undoes edits: puts a saved report back as it was at an earlier revision. */
  restoreReportRevision: Report;
  /** Revokes an API token: its very next request answers UNAUTHENTICATED, on every server. Revoking it again changes nothing. Admins with an ADMIN token. */
  revokeApiToken: ApiToken;
  /** Renames, re-shares, reorders or resizes a dashboard, or sets its date range and filters (edit access). */
  updateDashboard: Dashboard;
  /** Edits a saved report (owner or admin; needs PROFESSIONAL, ENTERPRISE or the reporting add-on). Keeps a revision. */
  updateReport: Report;
  /** Changes a user's role, name or team. Admins with an ADMIN token. */
  updateUser: User;
};


/** Push conversations as they happen (an ADMIN token or an INGEST token); build and edit saved reports and dashboards; admins manage users and API tokens. */
export type MutationAddReportToDashboardArgs = {
  input: AddReportToDashboardInput;
};


/** Push conversations as they happen (an ADMIN token or an INGEST token); build and edit saved reports and dashboards; admins manage users and API tokens. */
export type MutationCreateApiTokenArgs = {
  input: CreateApiTokenInput;
};


/** Push conversations as they happen (an ADMIN token or an INGEST token); build and edit saved reports and dashboards; admins manage users and API tokens. */
export type MutationCreateDashboardFromTemplateArgs = {
  input: CreateDashboardFromTemplateInput;
};


/** Push conversations as they happen (an ADMIN token or an INGEST token); build and edit saved reports and dashboards; admins manage users and API tokens. */
export type MutationCreateReportArgs = {
  input: CreateReportInput;
};


/** Push conversations as they happen (an ADMIN token or an INGEST token); build and edit saved reports and dashboards; admins manage users and API tokens. */
export type MutationCreateUserArgs = {
  input: CreateUserInput;
};


/** Push conversations as they happen (an ADMIN token or an INGEST token); build and edit saved reports and dashboards; admins manage users and API tokens. */
export type MutationDeactivateUserArgs = {
  id: Scalars['ID']['input'];
};


/** Push conversations as they happen (an ADMIN token or an INGEST token); build and edit saved reports and dashboards; admins manage users and API tokens. */
export type MutationDeleteDashboardArgs = {
  id: Scalars['ID']['input'];
};


/** Push conversations as they happen (an ADMIN token or an INGEST token); build and edit saved reports and dashboards; admins manage users and API tokens. */
export type MutationDeleteReportArgs = {
  id: Scalars['ID']['input'];
};


/** Push conversations as they happen (an ADMIN token or an INGEST token); build and edit saved reports and dashboards; admins manage users and API tokens. */
export type MutationEditDashboardReportArgs = {
  input: EditDashboardReportInput;
};


/** Push conversations as they happen (an ADMIN token or an INGEST token); build and edit saved reports and dashboards; admins manage users and API tokens. */
export type MutationIngestConversationsArgs = {
  input: Array<ConversationInput>;
};


/** Push conversations as they happen (an ADMIN token or an INGEST token); build and edit saved reports and dashboards; admins manage users and API tokens. */
export type MutationReassignDashboardOwnerArgs = {
  input: ReassignDashboardOwnerInput;
};


/** Push conversations as they happen (an ADMIN token or an INGEST token); build and edit saved reports and dashboards; admins manage users and API tokens. */
export type MutationReassignReportOwnerArgs = {
  input: ReassignReportOwnerInput;
};


/** Push conversations as they happen (an ADMIN token or an INGEST token); build and edit saved reports and dashboards; admins manage users and API tokens. */
export type MutationRemoveReportFromDashboardArgs = {
  input: RemoveReportFromDashboardInput;
};


/** Push conversations as they happen (an ADMIN token or an INGEST token); build and edit saved reports and dashboards; admins manage users and API tokens. */
export type MutationRestoreReportRevisionArgs = {
  input: RestoreReportRevisionInput;
};


/** Push conversations as they happen (an ADMIN token or an INGEST token); build and edit saved reports and dashboards; admins manage users and API tokens. */
export type MutationRevokeApiTokenArgs = {
  id: Scalars['ID']['input'];
};


/** Push conversations as they happen (an ADMIN token or an INGEST token); build and edit saved reports and dashboards; admins manage users and API tokens. */
export type MutationUpdateDashboardArgs = {
  input: UpdateDashboardInput;
};


/** Push conversations as they happen (an ADMIN token or an INGEST token); build and edit saved reports and dashboards; admins manage users and API tokens. */
export type MutationUpdateReportArgs = {
  input: UpdateReportInput;
};


/** Push conversations as they happen (an ADMIN token or an INGEST token); build and edit saved reports and dashboards; admins manage users and API tokens. */
export type MutationUpdateUserArgs = {
  input: UpdateUserInput;
};

/** Something a conversation points at, by the id used in your inbox system. */
export type NamedRefInput = {
  /** Your id for it (required, at most 191 characters); reports group by it. */
  id?: InputMaybe<Scalars['String']['input']>;
  /** Display name. The latest name given wins; left out (or null), the stored name stays, and an id never named shows as its id until a name arrives. */
  name?: InputMaybe<Scalars['String']['input']>;
};

/** A token just created: the secret, shown this once, and what lists will show of it. */
export type NewApiToken = {
  __typename?: 'NewApiToken';
  /** The token as `apiTokens` lists it. */
  apiToken: ApiToken;
  /** The secret to send as `Authorization: Bearer <token>`. It is stored only as a hash and never shown again. */
  token: Scalars['String']['output'];
};

/** A user just created, with their first API token (its secret shown this once). */
export type NewUser = {
  __typename?: 'NewUser';
  /** Their first token, of their role's default scope (ADMIN for admins, READ for members), never expiring. */
  token: NewApiToken;
  /** The user. */
  user: User;
};

/** Where a page of results starts and ends, for cursor pagination (Relay's connection shape). */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Pass as `after` to get the next page; null on an empty page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether more results follow this page. */
  hasNextPage: Scalars['Boolean']['output'];
  /** Whether results come before this page: true when it was asked for `after` a cursor (pages go forward only). */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** The cursor of the first result of this page (its first edge's `cursor`); null on an empty page. */
  startCursor?: Maybe<Scalars['String']['output']>;
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

/** One value of a conversation property, as a filter picker lists it. */
export type PropertyValue = {
  __typename?: 'PropertyValue';
  /** How many conversations of your account have this value (all time). */
  count: Scalars['Int']['output'];
  /** What a person reads: the name of an assignee, inbox, team or chatflow; the value itself otherwise. */
  label: Scalars['String']['output'];
  /** What a filter takes: the external id (assignee, inbox, team, chatflow), the text, or the enum value. */
  value: Scalars['String']['output'];
};

/** A page of the values of a property, most used first. */
export type PropertyValueConnection = {
  __typename?: 'PropertyValueConnection';
  /** The same values as `nodes`, each with its cursor (for Relay-style clients). */
  edges: Array<PropertyValueEdge>;
  /** The values of this page. */
  nodes: Array<PropertyValue>;
  /** Where this page ends. */
  pageInfo: PageInfo;
  /** How many values match in all pages together. */
  totalCount: Scalars['Int']['output'];
};

/** A value of a page, with the cursor that pages on from it. */
export type PropertyValueEdge = {
  __typename?: 'PropertyValueEdge';
  /** Pass as `after` to get the values that follow this one. */
  cursor: Scalars['String']['output'];
  /** The value. */
  node: PropertyValue;
};

/** Read conversations, the report catalog, report results, drill-downs, saved reports and dashboards of your account; admins also list users and API tokens. What a request may call depends on its user's role and its token's scope (see `TokenScope`): anything else answers FORBIDDEN with the reason. Every request counts against its token's rate limit; over it, RATE_LIMITED (HTTP 429 with Retry-After). */
export type Query = {
  __typename?: 'Query';
  /** The API tokens of your account, oldest first, revoked and expired ones included; never their secrets. Admins with an ADMIN token. */
  apiTokens: Array<ApiToken>;
  /** What reports can filter, group by and measure, with the operators each allows; custom properties as `properties.<name>`. */
  conversationProperties: Array<ConversationPropertyInfo>;
  /** Conversations of your account that pass every filter, newest first, cursor-paged. Counts 1 toward the request's cost budget. */
  conversations: ConversationConnection;
  /** One dashboard you may see. */
  dashboard: Dashboard;
  /** The dashboard library: templates to create a dashboard from. */
  dashboardTemplates: Array<DashboardTemplate>;
  /** The dashboards you may see, by name. At most 50, so report runs asked for below it count 50 times toward the request's cost budget. */
  dashboards: Array<Dashboard>;
  /** The conversations behind one data point of a report run; `totalCount` equals the point's count. Counts 1 toward the request's cost budget. */
  drilldown: ConversationConnection;
  /** The active users of your account by email, e.g. to pick whom to share a dashboard with. Any token that may read. */
  members: Array<TeamMember>;
  /** The values of one conversation property with their labels and how many conversations have each, most used first: what a filter on it can pick. Assignees, inboxes, teams and chatflows list every one of the account by name; text and custom properties the values conversations have; enums all their values. Dates, durations and numbers have no list (BAD_USER_INPUT). Counts 1 toward the request's cost budget. */
  propertyValues: PropertyValueConnection;
  /** One saved report. */
  report: Report;
  /** The report catalog: the twelve standard reports and those added by plugins. */
  reportDefinitions: Array<ReportDefinition>;
  /** Every measure a report can show (`measures` of createReport and updateReport), with its label and unit. */
  reportMeasures: Array<ReportMeasure>;
  /** The saved reports you may see, by name. Report runs asked for below it count `first` times toward the request's cost budget (1000 times without it). */
  reports: Array<Report>;
  /** Runs a report of the catalog or a saved report. Counts 1 toward the request's cost budget. */
  runReport: ReportResult;
  /** The teams of your account by name, e.g. to share a dashboard with (`ShareInput.granteeId` takes a team's `externalId`). Any token that may read. */
  teams: Array<Team>;
  /** Every user of your account by email, deactivated ones included. Admins with an ADMIN token. */
  users: Array<User>;
  /** The user behind the API token, and their account. */
  viewer: Viewer;
};


/** Read conversations, the report catalog, report results, drill-downs, saved reports and dashboards of your account; admins also list users and API tokens. What a request may call depends on its user's role and its token's scope (see `TokenScope`): anything else answers FORBIDDEN with the reason. Every request counts against its token's rate limit; over it, RATE_LIMITED (HTTP 429 with Retry-After). */
export type QueryApiTokensArgs = {
  userId?: InputMaybe<Scalars['ID']['input']>;
};


/** Read conversations, the report catalog, report results, drill-downs, saved reports and dashboards of your account; admins also list users and API tokens. What a request may call depends on its user's role and its token's scope (see `TokenScope`): anything else answers FORBIDDEN with the reason. Every request counts against its token's rate limit; over it, RATE_LIMITED (HTTP 429 with Retry-After). */
export type QueryConversationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filters?: InputMaybe<Array<FilterInput>>;
  first?: InputMaybe<Scalars['Int']['input']>;
  timezone?: InputMaybe<Scalars['String']['input']>;
};


/** Read conversations, the report catalog, report results, drill-downs, saved reports and dashboards of your account; admins also list users and API tokens. What a request may call depends on its user's role and its token's scope (see `TokenScope`): anything else answers FORBIDDEN with the reason. Every request counts against its token's rate limit; over it, RATE_LIMITED (HTTP 429 with Retry-After). */
export type QueryDashboardArgs = {
  id: Scalars['ID']['input'];
};


/** Read conversations, the report catalog, report results, drill-downs, saved reports and dashboards of your account; admins also list users and API tokens. What a request may call depends on its user's role and its token's scope (see `TokenScope`): anything else answers FORBIDDEN with the reason. Every request counts against its token's rate limit; over it, RATE_LIMITED (HTTP 429 with Retry-After). */
export type QueryDrilldownArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  input: DrilldownInput;
};


/** Read conversations, the report catalog, report results, drill-downs, saved reports and dashboards of your account; admins also list users and API tokens. What a request may call depends on its user's role and its token's scope (see `TokenScope`): anything else answers FORBIDDEN with the reason. Every request counts against its token's rate limit; over it, RATE_LIMITED (HTTP 429 with Retry-After). */
export type QueryPropertyValuesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  key: Scalars['String']['input'];
  search?: InputMaybe<Scalars['String']['input']>;
};


/** Read conversations, the report catalog, report results, drill-downs, saved reports and dashboards of your account; admins also list users and API tokens. What a request may call depends on its user's role and its token's scope (see `TokenScope`): anything else answers FORBIDDEN with the reason. Every request counts against its token's rate limit; over it, RATE_LIMITED (HTTP 429 with Retry-After). */
export type QueryReportArgs = {
  id: Scalars['ID']['input'];
};


/** Read conversations, the report catalog, report results, drill-downs, saved reports and dashboards of your account; admins also list users and API tokens. What a request may call depends on its user's role and its token's scope (see `TokenScope`): anything else answers FORBIDDEN with the reason. Every request counts against its token's rate limit; over it, RATE_LIMITED (HTTP 429 with Retry-After). */
export type QueryReportDefinitionsArgs = {
  channel?: InputMaybe<Channel>;
};


/** Read conversations, the report catalog, report results, drill-downs, saved reports and dashboards of your account; admins also list users and API tokens. What a request may call depends on its user's role and its token's scope (see `TokenScope`): anything else answers FORBIDDEN with the reason. Every request counts against its token's rate limit; over it, RATE_LIMITED (HTTP 429 with Retry-After). */
export type QueryReportsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Read conversations, the report catalog, report results, drill-downs, saved reports and dashboards of your account; admins also list users and API tokens. What a request may call depends on its user's role and its token's scope (see `TokenScope`): anything else answers FORBIDDEN with the reason. Every request counts against its token's rate limit; over it, RATE_LIMITED (HTTP 429 with Retry-After). */
export type QueryRunReportArgs = {
  input: RunReportInput;
};

/** Gives a dashboard to another user of the account, e.g. when its owner left (admins only). */
export type ReassignDashboardOwnerInput = {
  /** The dashboard. */
  dashboardId: Scalars['ID']['input'];
  /** User id of the new owner: a user of this account. */
  ownerId: Scalars['ID']['input'];
};

/** Gives a saved report to another user of the account, e.g. when its owner left (admins only). */
export type ReassignReportOwnerInput = {
  /** User id of the new owner: a user of this account. */
  ownerId: Scalars['ID']['input'];
  /** The saved report. */
  reportId: Scalars['ID']['input'];
};

/** A report to take off a dashboard: by its place, or by the report it shows (give one). */
export type RemoveReportFromDashboardInput = {
  /** The dashboard. */
  dashboardId: Scalars['ID']['input'];
  /** The `DashboardReport.id`. */
  dashboardReportId?: InputMaybe<Scalars['ID']['input']>;
  /** The catalog report it shows. */
  definitionId?: InputMaybe<Scalars['ID']['input']>;
  /** The saved report it shows. */
  reportId?: InputMaybe<Scalars['ID']['input']>;
};

/** A saved report: an edited copy of a catalog report or a custom conversation report. */
export type Report = {
  __typename?: 'Report';
  /** Whether you may edit it: your plan allows editing and you own it, or are an admin and it is not private to another user. */
  canEdit: Scalars['Boolean']['output'];
  /** The channel it counts; null for both. */
  channel?: Maybe<Channel>;
  /** How it is drawn. */
  chartType: ChartType;
  /** When it was first saved. */
  createdAt: Scalars['DateTimeISO']['output'];
  /** `createdAt` or `closedAt`: the instant the date range selects conversations by (all time: every conversation that has it, so a report by closedAt never counts open ones). Dimensions never select. */
  dateProperty: Scalars['String']['output'];
  /** The range it shows unless a run or dashboard gives one; null for all time. */
  dateRange?: Maybe<ReportDateRange>;
  /** What it groups by: x-axis, then break-down. Dimensions only group the conversations the date range and filters select, each in exactly one row: adding, removing or reordering them never changes the total of a count. A date dimension on the report's dateProperty has the buckets of the date range (empty ones 0); one on the other date property buckets each conversation by that date, inside the range or not, and those without it (open conversations have no closedAt) form the no-value group (null, "(No value)", listed last). */
  dimensions: Array<ReportDimension>;
  /** Its filters (AND). */
  filters: Array<ReportFilter>;
  /** Bucket size of a date dimension. */
  granularity?: Maybe<Granularity>;
  /** Report id. */
  id: Scalars['ID']['output'];
  /** What it measures, leading measure first. */
  measures: Array<ReportMeasure>;
  /** Name as shown on a dashboard. */
  name: Scalars['String']['output'];
  /** Who saved it first. */
  owner?: Maybe<TeamMember>;
  /** Who can see it: EVERYONE or PRIVATE (its owner; admins view). */
  privacy: ReportPrivacy;
  /** Runs it: its own date range, timezone and filters unless the arguments say otherwise. Null, with a CONFIG_INVALID error naming the report, when its stored configuration no longer validates (other reports of the same request still run). Counts 1 toward the request's cost budget. */
  result?: Maybe<ReportResult>;
  /** Its current revision number (1 when first saved). */
  revision: Scalars['Int']['output'];
  /** Every saved state, newest first. */
  revisions: Array<ReportRevision>;
  /** The catalog report it is an edited copy of, if any. */
  sourceDefinitionId?: Maybe<Scalars['ID']['output']>;
  /** IANA zone of its dates and buckets; null for the account's. */
  timezone?: Maybe<Scalars['String']['output']>;
  /** When it was last changed. */
  updatedAt: Scalars['DateTimeISO']['output'];
};


/** A saved report: an edited copy of a catalog report or a custom conversation report. */
export type ReportResultArgs = {
  dateRange?: InputMaybe<DateRangeInput>;
  filters?: InputMaybe<Array<FilterInput>>;
  granularity?: InputMaybe<Granularity>;
  timezone?: InputMaybe<Scalars['String']['input']>;
};

/** Changes to a report. Fields left out stay as they are; an explicit null clears channel, dimensions, granularity, filters, dateRange or timezone. */
export type ReportChangesInput = {
  /** The channel counted; null for both. */
  channel?: InputMaybe<Channel>;
  /** How it is drawn; it must be able to show the dimensions (PIE and DONUT one, SUMMARY none). */
  chartType?: InputMaybe<ChartType>;
  /** `createdAt` or `closedAt`: the instant the date range selects conversations by (all time: every conversation that has it, so a report by closedAt never counts open ones). Dimensions never select. */
  dateProperty?: InputMaybe<Scalars['String']['input']>;
  /** The range it shows unless a run or dashboard gives one; null for all time. */
  dateRange?: InputMaybe<ReportDateRangeInput>;
  /** Property keys from `conversationProperties`: the x-axis, then an optional break-down. Reorder to move a property between them. Dimensions only group the conversations the date range and filters select, each in exactly one row: adding, removing or reordering them never changes the total of a count. A date dimension on the report's dateProperty has the buckets of the date range (empty ones 0); one on the other date property buckets each conversation by that date, inside the range or not, and those without it (open conversations have no closedAt) form the no-value group (null, "(No value)", listed last). */
  dimensions?: InputMaybe<Array<Scalars['String']['input']>>;
  /** The report's filters, all of them (AND); they replace the current ones. */
  filters?: InputMaybe<Array<FilterInput>>;
  /** Bucket size when a dimension is a date (required then). */
  granularity?: InputMaybe<Granularity>;
  /** Measure keys, leading one first, e.g. `count`, `avgFirstResponseSeconds` (1 to 5). */
  measures?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Report name, 1 to 200 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** IANA zone for its dates and buckets; null for the account's. */
  timezone?: InputMaybe<Scalars['String']['input']>;
};

/** The date range a report or dashboard keeps, with the local dates it covers today. */
export type ReportDateRange = {
  __typename?: 'ReportDateRange';
  /** First day it covers now, YYYY-MM-DD. */
  from: Scalars['String']['output'];
  /** The rolling preset; null for fixed dates. */
  preset?: Maybe<DateRangePreset>;
  /** Last day it covers now, YYYY-MM-DD. */
  to: Scalars['String']['output'];
};

/** A date range a report or dashboard keeps: a rolling preset, or fixed local dates (give one or the other). */
export type ReportDateRangeInput = {
  /** First day, YYYY-MM-DD (without a preset). */
  from?: InputMaybe<Scalars['String']['input']>;
  /** A rolling range such as LAST_30_DAYS, resolved when the report runs. */
  preset?: InputMaybe<DateRangePreset>;
  /** Last day, YYYY-MM-DD, not before `from` (without a preset). */
  to?: InputMaybe<Scalars['String']['input']>;
};

/** A report of the catalog: the standard reports and those added by plugins. */
export type ReportDefinition = {
  __typename?: 'ReportDefinition';
  /** The channel it counts; null for both. */
  channel?: Maybe<Channel>;
  /** `createdAt` or `closedAt`: the instant the date range selects conversations by (all time: every conversation that has it, so a report by closedAt never counts open ones). Dimensions never select. */
  dateProperty: Scalars['String']['output'];
  /** How it is drawn unless a saved copy says otherwise. */
  defaultChartType: ChartType;
  /** Filters always applied (AND) before the run's own. */
  defaultFilters: Array<ReportFilter>;
  /** Bucket size of its date dimension, if it has one. */
  defaultGranularity?: Maybe<Granularity>;
  /** What the report shows. */
  description: Scalars['String']['output'];
  /** What it groups by: x-axis, then break-down. Dimensions only group the conversations the date range and filters select, each in exactly one row: adding, removing or reordering them never changes the total of a count. A date dimension on the report's dateProperty has the buckets of the date range (empty ones 0); one on the other date property buckets each conversation by that date, inside the range or not, and those without it (open conversations have no closedAt) form the no-value group (null, "(No value)", listed last). */
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
  /** e.g. `count`, `closedCount`, `openCount`, `avgFirstResponseSeconds`, `avgTimeToCloseSeconds`, `medianFirstResponseSeconds`, `p90TimeToCloseSeconds`, or a key a plugin defines. */
  key: Scalars['String']['output'];
  /** Display name. */
  label: Scalars['String']['output'];
  /** COUNT, SECONDS, NUMBER or PERCENT. */
  unit: MeasureUnit;
};

/** Who can see a saved report. Its owner always can; admins view every report of their account. */
export type ReportPrivacy =
  /** Everyone in the account can view and run it; its owner and admins edit it. */
  | 'EVERYONE'
  /** Its owner only; admins may view it but not edit it. A report edited on a dashboard not shared with everyone starts PRIVATE. Whoever sees a dashboard still sees it there. */
  | 'PRIVATE';

/** The rows of a report run. */
export type ReportResult = {
  __typename?: 'ReportResult';
  /** With `compareTo`: the range the rows are compared with. Null without it. */
  comparisonRange?: Maybe<LocalDateRange>;
  /** The same rows as CSV (RFC 4180, labels and values, durations in seconds, measures rounded to milliseconds), for export. `GET /export/reports/<id>.csv` also gives ids (docs/api.md). */
  csv: Scalars['String']['output'];
  /** The dimensions, in the order of each row's `dimensionValues`. */
  dimensions: Array<ReportDimension>;
  /** The measures, in the order of each row's `measureValues`. */
  measures: Array<ReportMeasure>;
  /** Data points: time in time order (every bucket of the date range, empty ones 0; no value last); an enum in its own order; otherwise largest first. */
  rows: Array<ReportRow>;
};

/** One saved state of a report: who changed what, and when. */
export type ReportRevision = {
  __typename?: 'ReportRevision';
  /** CREATED, UPDATED or RESTORED. */
  action: RevisionAction;
  /** Who saved this revision. */
  author?: Maybe<TeamMember>;
  /** The fields this revision changed, e.g. `name`, `chartType`, `dimensions`, `filters`. */
  changes: Array<Scalars['String']['output']>;
  /** The chart type at this revision. */
  chartType: ChartType;
  /** When it was saved. */
  createdAt: Scalars['DateTimeISO']['output'];
  /** The report name at this revision. */
  name: Scalars['String']['output'];
  /** Revision number, counting from 1. */
  revision: Scalars['Int']['output'];
};

/** One data point: a combination of dimension values and its measures. */
export type ReportRow = {
  __typename?: 'ReportRow';
  /** With `compareTo`: one per measure, the change in percent of the comparison value (null when that is 0 or null). Null without `compareTo`. */
  changePercents?: Maybe<Array<Maybe<Scalars['Float']['output']>>>;
  /** With `compareTo`: one per measure, `measureValues` minus `comparisonValues` (null if either is null). Null without `compareTo`. */
  changes?: Maybe<Array<Maybe<Scalars['Float']['output']>>>;
  /** With `compareTo`: one per measure, the value of the same group in the comparison range (time buckets matched by position: the first with the first); 0 for a count of a group the comparison range lacks, null where there is nothing to compare with. Null without `compareTo`. */
  comparisonValues?: Maybe<Array<Maybe<Scalars['Float']['output']>>>;
  /** One per dimension, in order. */
  dimensionValues: Array<DimensionValueType>;
  /** One per measure, in order; null for an average over no conversations. */
  measureValues: Array<Maybe<Scalars['Float']['output']>>;
};

/** Puts a saved report back as it was at an earlier revision (itself kept as a new revision). */
export type RestoreReportRevisionInput = {
  /** The saved report. */
  id: Scalars['ID']['input'];
  /** The revision to go back to (see `Report.revisions`). */
  revision: Scalars['Int']['input'];
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
  compareTo?: InputMaybe<CompareTo>;
  /** Run the report as a tile of this dashboard shows it (`DashboardReport.result`): with the dashboard's date range and filters, and for whoever may see the dashboard, also when the saved report is private to another user. The report must be on the dashboard. */
  dashboardId?: InputMaybe<Scalars['ID']['input']>;
  /** Local dates to report on, selecting conversations by the report's dateProperty; absent means all time. */
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
  granteeId: Scalars['ID']['input'];
  /** USER or TEAM. */
  granteeType: ShareGrantee;
};

/** A team of agents. */
export type Team = {
  __typename?: 'Team';
  /** The id given on import (e.g. `t-1`). */
  externalId: Scalars['ID']['output'];
  /** Global id: opaque, stable, unique across every type and account (for client caches). Filters and imports take `externalId`. */
  id: Scalars['ID']['output'];
  /** Display name. */
  name: Scalars['String']['output'];
};

/** A user of the account, as others see them. */
export type TeamMember = {
  __typename?: 'TeamMember';
  /** Email address. */
  email: Scalars['String']['output'];
  /** User id. */
  id: Scalars['ID']['output'];
  /** Display name, if given. */
  name?: Maybe<Scalars['String']['output']>;
};

/** What an API token may be used for. A request may do what its user's role AND its token's scope allow; anything else answers FORBIDDEN with the reason. */
export type TokenScope =
  /** Everything an ADMIN may do. Only ADMIN users hold ADMIN tokens. */
  | 'ADMIN'
  /** Only `ingestConversations` (for integrations): every other field answers FORBIDDEN. Any user may hold one. */
  | 'INGEST'
  /** Everything the role allows except writing conversations and managing users and tokens. An ADMIN's READ token sees every dashboard an admin sees but changes only what a member may. */
  | 'READ';

/** Whether an API token works now. */
export type TokenStatus =
  /** It authenticates requests. */
  | 'ACTIVE'
  /** Its expiry has passed: requests with it answer UNAUTHENTICATED. */
  | 'EXPIRED'
  /** It was revoked (by an admin, or because its user was deactivated): requests with it answer UNAUTHENTICATED. */
  | 'REVOKED';

/** Changes to a dashboard. Fields left out stay as they are; an explicit null clears dateRange or filters. */
export type UpdateDashboardInput = {
  /** Date range for all its reports; null lets each use its own. */
  dateRange?: InputMaybe<ReportDateRangeInput>;
  /** Filters for all its reports, replacing the current ones. */
  filters?: InputMaybe<Array<FilterInput>>;
  /** The dashboard. */
  id: Scalars['ID']['input'];
  /** Every report of the dashboard once, in the new order, with optional widths. */
  layout?: InputMaybe<Array<LayoutItemInput>>;
  /** New name. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** New privacy (owner or admin only). */
  privacy?: InputMaybe<DashboardPrivacy>;
  /** All its shares, replacing the current ones (owner or admin only; privacy SPECIFIC). */
  shares?: InputMaybe<Array<ShareInput>>;
};

/** Changes to a saved report; every change keeps a revision. */
export type UpdateReportInput = {
  /** The channel counted; null for both. */
  channel?: InputMaybe<Channel>;
  /** How it is drawn; it must be able to show the dimensions (PIE and DONUT one, SUMMARY none). */
  chartType?: InputMaybe<ChartType>;
  /** `createdAt` or `closedAt`: the instant the date range selects conversations by (all time: every conversation that has it, so a report by closedAt never counts open ones). Dimensions never select. */
  dateProperty?: InputMaybe<Scalars['String']['input']>;
  /** The range it shows unless a run or dashboard gives one; null for all time. */
  dateRange?: InputMaybe<ReportDateRangeInput>;
  /** Property keys from `conversationProperties`: the x-axis, then an optional break-down. Reorder to move a property between them. Dimensions only group the conversations the date range and filters select, each in exactly one row: adding, removing or reordering them never changes the total of a count. A date dimension on the report's dateProperty has the buckets of the date range (empty ones 0); one on the other date property buckets each conversation by that date, inside the range or not, and those without it (open conversations have no closedAt) form the no-value group (null, "(No value)", listed last). */
  dimensions?: InputMaybe<Array<Scalars['String']['input']>>;
  /** The report's filters, all of them (AND); they replace the current ones. */
  filters?: InputMaybe<Array<FilterInput>>;
  /** Bucket size when a dimension is a date (required then). */
  granularity?: InputMaybe<Granularity>;
  /** The saved report. */
  id: Scalars['ID']['input'];
  /** Measure keys, leading one first, e.g. `count`, `avgFirstResponseSeconds` (1 to 5). */
  measures?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Report name, 1 to 200 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Who can see it (owner or admin); left out, it stays. Listed among the revision's changes but not restored with it. */
  privacy?: InputMaybe<ReportPrivacy>;
  /** IANA zone for its dates and buckets; null for the account's. */
  timezone?: InputMaybe<Scalars['String']['input']>;
};

/** Changes to a user. Fields left out stay as they are. */
export type UpdateUserInput = {
  /** The user. */
  id: Scalars['ID']['input'];
  /** New display name; null or empty removes it. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** New role. The last active ADMIN cannot be demoted; a demoted admin's ADMIN tokens become READ tokens. */
  role?: InputMaybe<Role>;
  /** New team by name (created if the account has none of that name); null or empty removes the team. */
  team?: InputMaybe<Scalars['String']['input']>;
};

/** A user of the account as admins manage them. */
export type User = {
  __typename?: 'User';
  /** False once deactivated: a deactivated user cannot authenticate; their dashboards and reports remain. */
  active: Scalars['Boolean']['output'];
  /** How many of their API tokens work now. */
  activeTokenCount: Scalars['Int']['output'];
  /** When the user was created. */
  createdAt: Scalars['DateTimeISO']['output'];
  /** When the user was deactivated; null while active. */
  deactivatedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** Email address (unique within the account). */
  email: Scalars['String']['output'];
  /** User id. */
  id: Scalars['ID']['output'];
  /** The last time any of their tokens authenticated a request, to within about a minute. */
  lastUsedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** Display name, if given. */
  name?: Maybe<Scalars['String']['output']>;
  /** ADMIN or MEMBER. */
  role: Role;
  /** External id of the user's team, if any. */
  teamId?: Maybe<Scalars['String']['output']>;
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
  /** The scope of the API token of this request: with the role, it decides what the request may do. */
  scope: TokenScope;
  /** External id of the user's team, if any. */
  teamId?: Maybe<Scalars['String']['output']>;
  /** User id. */
  userId: Scalars['ID']['output'];
};

/**
 * A Directive provides a way to describe alternate runtime execution and type validation behavior in a GraphQL document.
 *
 * In some cases, you need to provide options to alter GraphQL's execution behavior in ways field arguments will not suffice, such as conditionally including or skipping a field. Directives provide this by describing additional information to the executor.
 */
export type __Directive = {
  __typename?: '__Directive';
  name: Scalars['String']['output'];
  description?: Maybe<Scalars['String']['output']>;
  isRepeatable: Scalars['Boolean']['output'];
  locations: Array<__DirectiveLocation>;
  args: Array<__InputValue>;
  isDeprecated: Scalars['Boolean']['output'];
  deprecationReason?: Maybe<Scalars['String']['output']>;
};


/**
 * A Directive provides a way to describe alternate runtime execution and type validation behavior in a GraphQL document.
 *
 * In some cases, you need to provide options to alter GraphQL's execution behavior in ways field arguments will not suffice, such as conditionally including or skipping a field. Directives provide this by describing additional information to the executor.
 */
export type __DirectiveArgsArgs = {
  includeDeprecated?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A Directive can be adjacent to many parts of the GraphQL language, a __DirectiveLocation describes one such possible adjacencies. */
export type __DirectiveLocation =
  /** Location adjacent to a query operation. */
  | 'QUERY'
  /** Location adjacent to a mutation operation. */
  | 'MUTATION'
  /** Location adjacent to a subscription operation. */
  | 'SUBSCRIPTION'
  /** Location adjacent to a field. */
  | 'FIELD'
  /** Location adjacent to a fragment definition. */
  | 'FRAGMENT_DEFINITION'
  /** Location adjacent to a fragment spread. */
  | 'FRAGMENT_SPREAD'
  /** Location adjacent to an inline fragment. */
  | 'INLINE_FRAGMENT'
  /** Location adjacent to a variable definition. */
  | 'VARIABLE_DEFINITION'
  /** Location adjacent to a schema definition. */
  | 'SCHEMA'
  /** Location adjacent to a scalar definition. */
  | 'SCALAR'
  /** Location adjacent to an object type definition. */
  | 'OBJECT'
  /** Location adjacent to a field definition. */
  | 'FIELD_DEFINITION'
  /** Location adjacent to an argument definition. */
  | 'ARGUMENT_DEFINITION'
  /** Location adjacent to an interface definition. */
  | 'INTERFACE'
  /** Location adjacent to a union definition. */
  | 'UNION'
  /** Location adjacent to an enum definition. */
  | 'ENUM'
  /** Location adjacent to an enum value definition. */
  | 'ENUM_VALUE'
  /** Location adjacent to an input object type definition. */
  | 'INPUT_OBJECT'
  /** Location adjacent to an input object field definition. */
  | 'INPUT_FIELD_DEFINITION'
  /** Location adjacent to a directive definition. */
  | 'DIRECTIVE_DEFINITION';

/** One possible value for a given Enum. Enum values are unique values, not a placeholder for a string or numeric value. However an Enum value is returned in a JSON response as a string. */
export type __EnumValue = {
  __typename?: '__EnumValue';
  name: Scalars['String']['output'];
  description?: Maybe<Scalars['String']['output']>;
  isDeprecated: Scalars['Boolean']['output'];
  deprecationReason?: Maybe<Scalars['String']['output']>;
};

/** Object and Interface types are described by a list of Fields, each of which has a name, potentially a list of arguments, and a return type. */
export type __Field = {
  __typename?: '__Field';
  name: Scalars['String']['output'];
  description?: Maybe<Scalars['String']['output']>;
  args: Array<__InputValue>;
  type: __Type;
  isDeprecated: Scalars['Boolean']['output'];
  deprecationReason?: Maybe<Scalars['String']['output']>;
};


/** Object and Interface types are described by a list of Fields, each of which has a name, potentially a list of arguments, and a return type. */
export type __FieldArgsArgs = {
  includeDeprecated?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Arguments provided to Fields or Directives and the input fields of an InputObject are represented as Input Values which describe their type and optionally a default value. */
export type __InputValue = {
  __typename?: '__InputValue';
  name: Scalars['String']['output'];
  description?: Maybe<Scalars['String']['output']>;
  type: __Type;
  /** A GraphQL-formatted string representing the default value for this input value. */
  defaultValue?: Maybe<Scalars['String']['output']>;
  isDeprecated: Scalars['Boolean']['output'];
  deprecationReason?: Maybe<Scalars['String']['output']>;
};

/** A GraphQL Schema defines the capabilities of a GraphQL server. It exposes all available types and directives on the server, as well as the entry points for query, mutation, and subscription operations. */
export type __Schema = {
  __typename?: '__Schema';
  description?: Maybe<Scalars['String']['output']>;
  /** A list of all types supported by this server. */
  types: Array<__Type>;
  /** The type that query operations will be rooted at. */
  queryType: __Type;
  /** If this server supports mutation, the type that mutation operations will be rooted at. */
  mutationType?: Maybe<__Type>;
  /** If this server support subscription, the type that subscription operations will be rooted at. */
  subscriptionType?: Maybe<__Type>;
  /** A list of all directives supported by this server. */
  directives: Array<__Directive>;
};


/** A GraphQL Schema defines the capabilities of a GraphQL server. It exposes all available types and directives on the server, as well as the entry points for query, mutation, and subscription operations. */
export type __SchemaDirectivesArgs = {
  includeDeprecated?: Scalars['Boolean']['input'];
};

/**
 * The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as represented by the `__TypeKind` enum.
 *
 * Depending on the kind of a type, certain fields describe information about that type. Scalar types provide no information beyond a name, description and optional `specifiedByURL`, while Enum types provide their values. Object and Interface types provide the fields they describe. Abstract types, Union and Interface, provide the Object types possible at runtime. List and NonNull types compose other types.
 */
export type __Type = {
  __typename?: '__Type';
  kind: __TypeKind;
  name?: Maybe<Scalars['String']['output']>;
  description?: Maybe<Scalars['String']['output']>;
  specifiedByURL?: Maybe<Scalars['String']['output']>;
  fields?: Maybe<Array<__Field>>;
  interfaces?: Maybe<Array<__Type>>;
  possibleTypes?: Maybe<Array<__Type>>;
  enumValues?: Maybe<Array<__EnumValue>>;
  inputFields?: Maybe<Array<__InputValue>>;
  ofType?: Maybe<__Type>;
  isOneOf?: Maybe<Scalars['Boolean']['output']>;
};


/**
 * The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as represented by the `__TypeKind` enum.
 *
 * Depending on the kind of a type, certain fields describe information about that type. Scalar types provide no information beyond a name, description and optional `specifiedByURL`, while Enum types provide their values. Object and Interface types provide the fields they describe. Abstract types, Union and Interface, provide the Object types possible at runtime. List and NonNull types compose other types.
 */
export type __TypeFieldsArgs = {
  includeDeprecated?: InputMaybe<Scalars['Boolean']['input']>;
};


/**
 * The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as represented by the `__TypeKind` enum.
 *
 * Depending on the kind of a type, certain fields describe information about that type. Scalar types provide no information beyond a name, description and optional `specifiedByURL`, while Enum types provide their values. Object and Interface types provide the fields they describe. Abstract types, Union and Interface, provide the Object types possible at runtime. List and NonNull types compose other types.
 */
export type __TypeEnumValuesArgs = {
  includeDeprecated?: InputMaybe<Scalars['Boolean']['input']>;
};


/**
 * The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as represented by the `__TypeKind` enum.
 *
 * Depending on the kind of a type, certain fields describe information about that type. Scalar types provide no information beyond a name, description and optional `specifiedByURL`, while Enum types provide their values. Object and Interface types provide the fields they describe. Abstract types, Union and Interface, provide the Object types possible at runtime. List and NonNull types compose other types.
 */
export type __TypeInputFieldsArgs = {
  includeDeprecated?: InputMaybe<Scalars['Boolean']['input']>;
};

/** An enum describing what kind of type a given `__Type` is. */
export type __TypeKind =
  /** Indicates this type is a scalar. */
  | 'SCALAR'
  /** Indicates this type is an object. `fields` and `interfaces` are valid fields. */
  | 'OBJECT'
  /** Indicates this type is an interface. `fields`, `interfaces`, and `possibleTypes` are valid fields. */
  | 'INTERFACE'
  /** Indicates this type is a union. `possibleTypes` is a valid field. */
  | 'UNION'
  /** Indicates this type is an enum. `enumValues` is a valid field. */
  | 'ENUM'
  /** Indicates this type is an input object. `inputFields` is a valid field. */
  | 'INPUT_OBJECT'
  /** Indicates this type is a list. `ofType` is a valid field. */
  | 'LIST'
  /** Indicates this type is a non-null. `ofType` is a valid field. */
  | 'NON_NULL';
