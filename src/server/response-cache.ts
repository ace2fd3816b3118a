import { createHash } from 'node:crypto';
import { DocumentNode, Kind, OperationDefinitionNode, parse } from 'graphql';
import { Viewer } from '../auth/viewer';
import { stableJson } from '../reporting/cache/key';
import { LruStore } from '../reporting/cache/lru';
import { operationLabel } from './metrics-routes';

/**
 * Whole responses of report queries, held as the text that was sent, in front of GraphQL: a hit
 * is answered without parsing, validating or executing the query and without serialising its
 * result again (docs/performance.md, "Cached throughput"). Only what is sure to be the same
 * answer again is held, and only for as long as it is:
 *
 * - Operations whose every root field is `runReport` of a catalog report (by `definitionId`, no
 *   `reportId` or `dashboardId`: saved reports and dashboards change without a new data version)
 *   or `__typename`. Such an answer depends on nothing but the request and what the key holds.
 * - The key holds the database's identity, the account, its data version (an import or ingest
 *   moves it on, so the next request misses), its plan, add-on and timezone; the caller's user,
 *   role, team and token scope; the query text, operation name, variables (key order ignored) and
 *   the Accept header (the content type answered). Two callers share an entry only when all of it
 *   is equal, so no one ever gets another account's or another user's response.
 * - Authentication and rate limits run before the cache (graphql-handler.ts): a revoked token
 *   is refused on its next request, cached response or not.
 * - Only complete successes are stored: no errors, no partial results, no mutations.
 *
 * Memory is bounded by bytes (THREADLINE_RESPONSE_CACHE_MB; least recently used entries go first).
 */

/** Bump when what an entry holds changes meaning: entries of the old code are then never read. */
const FORMAT = 1;

/** The root fields a cached operation may select: each answers the same for the same key. */
const SAFE_ROOT_FIELDS = new Set(['runReport', '__typename']);

/** Inputs of `runReport` that read what may change without a new data version. */
const UNSAFE_INPUT_FIELDS = ['reportId', 'dashboardId'] as const;

/** Query texts whose analysis is kept (by count and characters): a client's usual operations. */
const PLAN_LIMITS = { maxEntries: 1000, maxBytes: 4 * 1024 * 1024 };

/** How a cacheable operation's variables must look for a request of it to be cacheable too. */
interface Plan {
  /** The metrics label of the operation (its root fields). */
  label: string;
  /** Variables given whole as a runReport input: each must be an object without reportId and dashboardId. */
  wholeInputs: string[];
  /** Variables given as a runReport input's reportId or dashboardId: each must be null or absent. */
  mustBeNull: string[];
}

/** A POST body the cache may answer, with its operation's plan. */
export interface Candidate {
  query: string;
  operationName: string | null;
  variables: Record<string, unknown>;
  label: string;
}

/** A stored response: its `data` as sent, and the response paths of the reports it ran. */
export interface CachedResponse {
  data: string;
  paths: string[];
  contentType: string;
  /** `extensions.threadline.source` of a hit, as JSON: every path CACHE. */
  sourceJson: string;
}

export class ResponseCache {
  private readonly responses: LruStore<CachedResponse>;
  private readonly plans = new LruStore<Plan | null>(PLAN_LIMITS, () => 0);

  /** `maxBytes`: approximate, as the report LRU counts (two bytes a character). */
  constructor(
    private readonly maxBytes: number,
    private readonly maxTokens: number,
  ) {
    this.responses = new LruStore<CachedResponse>({ maxEntries: Number.MAX_SAFE_INTEGER, maxBytes }, (entry) => entry.data.length + entry.sourceJson.length + entry.contentType.length);
  }

  /** The request as the cache sees it, or null when its answer must be computed (and is never stored). */
  candidate(body: unknown): Candidate | null {
    if (!isRecord(body) || typeof body.query !== 'string') return null;
    // Persisted queries and other protocol extensions are Apollo's to handle.
    if (body.extensions !== undefined && body.extensions !== null) return null;
    const { query, operationName = null, variables = null } = body;
    if (operationName !== null && typeof operationName !== 'string') return null;
    if (variables !== null && !isRecord(variables)) return null;
    const planKey = `${operationName ?? ''}\n${query}`;
    let plan = this.plans.get(planKey);
    if (plan === undefined) {
      plan = analyse(query, operationName, this.maxTokens);
      this.plans.set(planKey, plan);
    }
    if (plan === null) return null;
    const given = variables ?? {};
    for (const name of plan.wholeInputs) {
      const input = given[name];
      if (!isRecord(input) || UNSAFE_INPUT_FIELDS.some((field) => input[field] !== undefined && input[field] !== null)) return null;
    }
    if (plan.mustBeNull.some((name) => given[name] !== undefined && given[name] !== null)) return null;
    return { query, operationName, variables: given, label: plan.label };
  }

  /** The key of `candidate` asked by `viewer`; null when the viewer's data version is not known (nothing is cached then). */
  key(candidate: Candidate, viewer: Viewer, accept: string | undefined): string | null {
    const { account } = viewer;
    if (account.dataVersion === undefined || account.databaseIdentity === undefined) return null;
    const material = JSON.stringify([
      FORMAT,
      account.plan,
      account.reportingAddon,
      account.timezone,
      viewer.userId,
      viewer.role,
      viewer.teamId,
      viewer.scope,
      accept ?? '',
      candidate.operationName ?? '',
      candidate.query,
      stableJson(candidate.variables),
    ]);
    const digest = createHash('sha256').update(material).digest('base64url');
    return `${account.databaseIdentity}:${account.id}:${account.dataVersion}:${digest}`;
  }

  get(key: string): CachedResponse | undefined {
    return this.responses.get(key);
  }

  /**
   * Stores the response text Apollo sent for `key` when it is a complete success (`data`, no
   * `errors`, nothing in `extensions` but `threadline`) of at least one report; `paths` are the
   * response paths of its reports.
   */
  store(key: string, text: string, contentType: string, paths: readonly string[]): boolean {
    // A response the cache could not hold anyway is not worth parsing.
    if (paths.length === 0 || 2 * text.length > this.maxBytes) return false;
    let response: unknown;
    try {
      response = JSON.parse(text);
    } catch {
      return false;
    }
    if (!isRecord(response) || response.errors !== undefined || !isRecord(response.data)) return false;
    if (Object.keys(response).some((field) => field !== 'data' && field !== 'extensions')) return false;
    if (response.extensions !== undefined && (!isRecord(response.extensions) || Object.keys(response.extensions).some((name) => name !== 'threadline'))) return false;
    const sourceJson = JSON.stringify(Object.fromEntries(paths.map((path) => [path, 'CACHE'])));
    this.responses.set(key, { data: JSON.stringify(response.data), paths: [...paths], contentType, sourceJson });
    return true;
  }

  /** Entries held and their approximate bytes. */
  get size(): { entries: number; bytes: number } {
    return { entries: this.responses.size, bytes: this.responses.byteSize };
  }
}

/**
 * What a query needs of its variables to be cacheable, or null when it never is: a parse error,
 * an operation that is not one query, a root field other than runReport and __typename, a
 * runReport of a saved report or of a dashboard, or none at all.
 */
export function analyse(query: string, operationName: string | null, maxTokens: number): Plan | null {
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens, noLocation: true });
  } catch {
    return null;
  }
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName === null ? (operations.length === 1 ? operations[0] : undefined) : operations.find((o) => o.name?.value === operationName);
  if (!operation || operation.operation !== 'query') return null;
  const plan: Plan = { label: operationLabel(operation), wholeInputs: [], mustBeNull: [] };
  let reports = 0;
  for (const selection of operation.selectionSet.selections) {
    // A fragment at the root could select anything: only plain fields are looked into.
    if (selection.kind !== Kind.FIELD || !SAFE_ROOT_FIELDS.has(selection.name.value)) return null;
    if (selection.name.value !== 'runReport') continue;
    reports += 1;
    for (const argument of selection.arguments ?? []) {
      if (argument.name.value !== 'input') return null;
      const value = argument.value;
      if (value.kind === Kind.VARIABLE) {
        plan.wholeInputs.push(value.name.value);
        continue;
      }
      if (value.kind !== Kind.OBJECT) return null;
      for (const field of value.fields) {
        if (!(UNSAFE_INPUT_FIELDS as readonly string[]).includes(field.name.value) || field.value.kind === Kind.NULL) continue;
        if (field.value.kind !== Kind.VARIABLE) return null;
        plan.mustBeNull.push(field.value.name.value);
      }
    }
  }
  // A default value applies when the variable is not sent, and the checks above look only at what is sent.
  const checked = new Set([...plan.wholeInputs, ...plan.mustBeNull]);
  if ((operation.variableDefinitions ?? []).some((d) => checked.has(d.variable.name.value) && d.defaultValue !== undefined)) return null;
  return reports > 0 ? plan : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
