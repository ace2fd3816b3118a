import { SqlFragment } from '../../conversations/query/filters';

/** Joins fragments with a separator, keeping their parameters in textual order. */
export function join(parts: readonly SqlFragment[], separator: string): SqlFragment {
  return { sql: parts.map((p) => p.sql).join(separator), params: parts.flatMap((p) => p.params) };
}

export function fragment(sql: string, ...params: unknown[]): SqlFragment {
  return { sql, params };
}

/** `(a) AND (b) AND ...`; `1 = 1` for none. */
export function and(parts: readonly SqlFragment[]): SqlFragment {
  if (parts.length === 0) return fragment('1 = 1');
  return join(parts.map((p) => fragment(`(${p.sql})`, ...p.params)), ' AND ');
}
