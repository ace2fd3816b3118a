import { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { Account } from '../../src/accounts/account.entity';
import { createAccount, NewAccount } from '../../src/accounts/accounts';
import { createUser } from '../../src/auth/users';
import { rateLimitsFrom } from '../../src/config';
import { Database, OpenOptions } from '../../src/db/database';
import { ServerOptions, startServer } from '../../src/server/http';
import { createTestDatabase, DialectName, TestDatabase } from './databases';

export interface GraphQLResponse<T> {
  status: number;
  /** The `Retry-After` header, when the answer has one (RATE_LIMITED). */
  retryAfter?: string;
  data?: T | null;
  errors?: { message: string; path?: unknown[]; extensions?: { code?: string; [key: string]: unknown } }[];
}

export interface TestApi {
  url: string;
  db: Database;
  database: TestDatabase;
  account: Account;
  /** An ADMIN of `account`. */
  token: string;
  /** POSTs a typed operation over HTTP, as a client app would. */
  request<TData, TVariables>(document: TypedDocumentNode<TData, TVariables>, variables?: TVariables, token?: string | null): Promise<GraphQLResponse<TData>>;
  /** Another account with a user of its own, in the same database. */
  otherAccount(input?: Partial<NewAccount>): Promise<{ account: Account; token: string }>;
  userToken(role?: 'ADMIN' | 'MEMBER', team?: string): Promise<string>;
  close(): Promise<void>;
}

let users = 0;

/** POSTs a typed operation over HTTP to the server at `url`, as a client app would. */
export async function postGraphQL<TData, TVariables>(url: string, document: TypedDocumentNode<TData, TVariables>, variables?: TVariables, token?: string | null): Promise<GraphQLResponse<TData>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const retryAfter = response.headers.get('retry-after');
  return { status: response.status, ...(retryAfter === null ? {} : { retryAfter }), ...((await response.json()) as object) };
}

/**
 * Rate limits every test server counts with, unless a test sets its own: on, but far above what
 * a suite sends on the fastest machine, so no test depends on how fast it runs.
 */
const UNREACHABLE_LIMITS = { ...rateLimitsFrom({}), requestsPerWindow: 1_000_000, authFailuresPerWindow: 1_000_000 };

/**
 * A real HTTP server on a port of its own over a fresh database of `dialect`, with one account and
 * admin. `server` overrides the server's options (rate limits).
 */
export async function startTestApi(dialect: DialectName, account: Partial<NewAccount> = {}, options: OpenOptions = {}, server: Partial<ServerOptions> = {}): Promise<TestApi> {
  const database = await createTestDatabase(dialect, options);
  const { db } = database;
  const running = await startServer(db, { port: 0, host: '127.0.0.1', rateLimits: UNREACHABLE_LIMITS, ...server });
  const newAccount = (input: Partial<NewAccount>) => createAccount(db, { name: 'Acme Support', plan: 'PROFESSIONAL', timezone: 'UTC', ...input });
  const tokenFor = async (target: Account, role: 'ADMIN' | 'MEMBER' = 'MEMBER', team?: string) =>
    (await createUser(db, target, { email: `user${++users}@example.com`, role, team })).token;
  const main = await newAccount(account);
  const token = await tokenFor(main, 'ADMIN');
  return {
    url: running.url,
    db,
    database,
    account: main,
    token,
    request: (document, variables, as = token) => postGraphQL(running.url, document, variables, as),
    async otherAccount(input = {}) {
      const other = await newAccount({ name: 'Other Co', ...input });
      return { account: other, token: await tokenFor(other, 'ADMIN') };
    },
    userToken: (role = 'MEMBER', team) => tokenFor(main, role, team),
    async close() {
      await running.close();
      await database.drop();
    },
  };
}

/** The codes of a response's errors, for asserting denials. */
export function errorCodes(response: GraphQLResponse<unknown>): (string | undefined)[] {
  return (response.errors ?? []).map((e) => e.extensions?.code);
}

/** The data of a response that must have no errors. */
export function ok<T>(response: GraphQLResponse<T>): T {
  expect(response.errors).toBeUndefined();
  return response.data as T;
}
