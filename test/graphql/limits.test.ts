import { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { ConversationIdsDocument } from './generated/operations';
import { errorCodes, startTestApi, TestApi } from '../support/api';

/** A query written by hand, as a client that does not use codegen sends it. */
const raw = (query: string) => parse(query) as TypedDocumentNode<Record<string, unknown>, Record<string, never>>;

describe('request limits and bad literal values', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi('sqlite');
  });

  afterAll(() => api.close());

  it('answers a value the schema refuses, written into the query, with BAD_USER_INPUT', async () => {
    for (const query of [
      '{ conversations(filters: [{ property: "status", operator: FOO, values: ["OPEN"] }]) { totalCount } }',
      '{ conversations(first: 3000000000) { totalCount } }',
      '{ runReport(input: { definitionId: "email-volume-over-time", granularity: HOUR }) { csv } }',
      '{ runReport(input: { definitionId: "email-volume-over-time", dateRange: { from: "2026-01-01" } }) { csv } }',
    ]) {
      const response = await api.request(raw(query));
      expect([query, errorCodes(response)]).toEqual([query, ['BAD_USER_INPUT']]);
    }
  });

  it('refuses more report runs in one request than a dashboard needs', async () => {
    const runs = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `r${i}: runReport(input: { definitionId: "chat-volume-by-assignee" }) { csv }`).join(' ')} }`;
    expect((await api.request(raw(runs(25)))).errors).toBeUndefined();
    const tooMany = await api.request(raw(runs(26)));
    expect(errorCodes(tooMany)).toEqual(['BAD_USER_INPUT']);
    expect(tooMany.errors?.[0].message).toBe('query: asks for more than 25 report runs, drill-downs and conversation pages in one request; split it');
  });

  it('refuses more filters, or filter values, than both stores handle', async () => {
    const filters = Array.from({ length: 51 }, () => ({ property: 'status', operator: 'IS_KNOWN' as const }));
    const many = await api.request(ConversationIdsDocument, { filters });
    expect(many.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([['BAD_USER_INPUT', 'filters: takes at most 50 filters, got 51']]);
    const values = Array.from({ length: 3 }, () => ({ property: 'subject', operator: 'IN' as const, values: Array.from({ length: 400 }, (_, i) => `s${i}`) }));
    const wide = await api.request(ConversationIdsDocument, { filters: values });
    expect(wide.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([['BAD_USER_INPUT', 'filters: take at most 1000 values together, got 1200']]);
  });
});
