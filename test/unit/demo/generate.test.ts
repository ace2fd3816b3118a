import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { validateConversation } from '../../../src/conversations/validate';
import { DemoOptions, generateDemoConversations } from '../../../src/demo/generate';

const NOW = new Date('2026-03-15T12:00:00Z');
const ISO_Z = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

type Obj = Record<string, unknown>;
type Message = { id: string; from: string; agentId?: string; sentAt: string };

const generate = (options: Partial<DemoOptions> = {}): Obj[] => [
  ...generateDemoConversations({ conversations: 2000, seed: 7, now: NOW, ...options }),
];
const messagesOf = (c: Obj) => (c.messages ?? []) as Message[];
const hasFrom = (c: Obj, from: string) => messagesOf(c).some((m) => m.from === from);

function expectRef(value: unknown, idPattern: RegExp): void {
  expect(value).toEqual({ id: expect.stringMatching(idPattern), name: expect.any(String) });
}

/** The rules of docs/import-format.md, checked field by field. */
function expectValidImportObject(c: Obj, now: Date): void {
  const at = (iso: unknown) => {
    expect(iso).toMatch(ISO_Z);
    const t = Date.parse(iso as string);
    expect(t).toBeLessThanOrEqual(now.getTime());
    return t;
  };
  expect(c.id).toMatch(/^demo-\d{6,}$/);
  expect(['CHAT', 'EMAIL']).toContain(c.channel);
  expect(['OPEN', 'CLOSED']).toContain(c.status);
  expectRef(c.inbox, /^[a-z]+$/);
  const createdAt = at(c.createdAt);
  if (c.status === 'CLOSED') expect(at(c.closedAt)).toBeGreaterThanOrEqual(createdAt);
  else expect(c.closedAt ?? null).toBeNull();

  if (c.assignee !== null) {
    expect(c.assignee).toEqual({ id: expect.stringMatching(/^u-\d+$/), name: expect.any(String), email: expect.stringContaining('@') });
  }
  if (c.team !== undefined) expectRef(c.team, /^t-\d+$/);
  if (c.channel === 'CHAT') {
    if (c.chatflow !== undefined) expectRef(c.chatflow, /^cf-\d+$/);
    if (c.pageUrl !== undefined) expect(c.pageUrl).toMatch(/^https:\/\/example\.com\//);
  } else {
    expect(c.chatflow).toBeUndefined();
    expect(c.pageUrl).toBeUndefined();
    expect(typeof c.subject).toBe('string');
  }
  if (c.subject !== undefined) expect((c.subject as string).trim()).not.toBe('');
  if (c.contact !== undefined) expect(c.contact).toEqual({ email: expect.stringMatching(/^[^@\s]+@[^@\s]+\.[a-z]+$/), name: expect.any(String) });

  const messages = messagesOf(c);
  expect(messages.length).toBeGreaterThan(0);
  expect(new Set(messages.map((m) => m.id)).size).toBe(messages.length);
  expect(messages[0].sentAt).toBe(c.createdAt);
  let previous = createdAt;
  for (const m of messages) {
    expect(['VISITOR', 'BOT', 'AGENT']).toContain(m.from);
    const sentAt = at(m.sentAt);
    expect(sentAt).toBeGreaterThanOrEqual(previous);
    previous = sentAt;
    if (m.from === 'AGENT') expect(m.agentId).toBe((c.assignee as { id: string }).id);
    else expect(m.agentId).toBeUndefined();
  }
  if (c.status === 'CLOSED') expect(Date.parse(c.closedAt as string)).toBeGreaterThanOrEqual(previous);

  if (c.properties !== undefined) {
    expect(Object.keys(c.properties as Obj).length).toBeGreaterThan(0);
    for (const value of Object.values(c.properties as Obj)) expect(['string', 'number', 'boolean']).toContain(typeof value);
  }
  // What one NDJSON line parses to: nothing lost in a JSON round trip.
  expect(JSON.parse(JSON.stringify(c))).toEqual(c);
}

describe('generateDemoConversations', () => {
  const sample = generate();
  const chats = sample.filter((c) => c.channel === 'CHAT');
  const emails = sample.filter((c) => c.channel === 'EMAIL');

  it('is deterministic for a seed and now, and differs between seeds', () => {
    expect(generate()).toEqual(sample);
    const other = generate({ seed: 8 });
    expect(other).not.toEqual(sample);
    expect(other.map((c) => c.createdAt)).not.toEqual(sample.map((c) => c.createdAt));
  });

  it('yields exactly the requested number, with sequential ids', () => {
    expect(sample).toHaveLength(2000);
    expect(sample[0].id).toBe('demo-000001');
    expect(sample[1999].id).toBe('demo-002000');
    expect(generate({ conversations: 0 })).toEqual([]);
    expect(generate({ conversations: 1 })).toHaveLength(1);
    const first = generateDemoConversations({ conversations: 1_000_000, seed: 1, now: NOW }).next();
    expect((first.value as Obj).id).toBe('demo-0000001'); // wide enough for the last id
  });

  // Field by field on every fourth object (some 30,000 expectations); the validator below sees them all.
  it('makes objects that are valid lines of the import format', () => {
    for (const c of sample.filter((_c, i) => i % 4 === 0)) expectValidImportObject(c, NOW);
  });

  it('passes the import validator', () => {
    const rejected = sample.map(validateConversation).filter((v) => !v.ok);
    expect(rejected).toEqual([]);
  });

  it('walks time forward over the months before now', () => {
    const times = sample.map((c) => Date.parse(c.createdAt as string));
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThanOrEqual(times[i - 1]);
    const start = Date.parse('2025-09-15T12:00:00Z');
    expect(times[0]).toBeGreaterThanOrEqual(start);
    expect(times[0] - start).toBeLessThan(3 * 86_400_000);
    expect(NOW.getTime() - times[times.length - 1]).toBeLessThan(86_400_000);
    const short = generate({ months: 1 }).map((c) => Date.parse(c.createdAt as string));
    expect(short[0]).toBeGreaterThanOrEqual(Date.parse('2026-02-15T12:00:00Z'));
  });

  it('mixes channels roughly 60/40', () => {
    expect(chats.length / sample.length).toBeGreaterThan(0.5);
    expect(chats.length / sample.length).toBeLessThan(0.7);
  });

  it('follows a business-day rhythm in Europe/Amsterdam', () => {
    const local = (c: Obj) => new Date(Date.parse(c.createdAt as string) + 3_600_000); // CET; close enough for shares
    const weekend = sample.filter((c) => [0, 6].includes(local(c).getUTCDay())).length;
    const office = sample.filter((c) => ![0, 6].includes(local(c).getUTCDay()) && local(c).getUTCHours() >= 8 && local(c).getUTCHours() < 18).length;
    expect(weekend / sample.length).toBeLessThan(0.12); // 2/7 of the days
    expect(office / sample.length).toBeGreaterThan(0.6); // 50 of the 168 hours of a week
  });

  it('includes unassigned, unanswered, bot-only and agent-first conversations', () => {
    const unassigned = sample.filter((c) => c.assignee === null).length / sample.length;
    expect(unassigned).toBeGreaterThan(0.04);
    expect(unassigned).toBeLessThan(0.14);
    expect(chats.filter((c) => hasFrom(c, 'VISITOR') && !hasFrom(c, 'AGENT') && !hasFrom(c, 'BOT')).length).toBeGreaterThan(20);
    expect(chats.filter((c) => hasFrom(c, 'BOT') && !hasFrom(c, 'AGENT') && messagesOf(c).length > 2).length).toBeGreaterThan(20);
    expect(emails.filter((c) => messagesOf(c)[0].from === 'AGENT').length).toBeGreaterThan(20);
    expect(chats.filter((c) => !c.chatflow).length).toBeGreaterThan(20);
    expect(chats.filter((c) => !c.pageUrl).length).toBeGreaterThan(20);
  });

  it('uses a realistic catalog: a dozen agents, a few teams, inboxes, chatflows and pages', () => {
    const distinct = (f: (c: Obj) => unknown) => new Set(sample.map(f).filter((v) => v !== undefined && v !== null)).size;
    expect(distinct((c) => (c.assignee as Obj | null)?.id)).toBeGreaterThanOrEqual(10);
    expect(distinct((c) => (c.team as Obj | undefined)?.id)).toBeGreaterThanOrEqual(2);
    expect(distinct((c) => (c.inbox as Obj).id)).toBeGreaterThanOrEqual(3);
    expect(distinct((c) => (c.chatflow as Obj | undefined)?.id)).toBeGreaterThanOrEqual(4);
    expect(distinct((c) => c.pageUrl)).toBeGreaterThanOrEqual(15);
    const byPage = new Map<string, number>();
    for (const c of chats) if (c.pageUrl) byPage.set(c.pageUrl as string, (byPage.get(c.pageUrl as string) ?? 0) + 1);
    expect(Math.max(...byPage.values())).toBeGreaterThan(5 * Math.min(...byPage.values())); // skewed popularity
  });

  it('replies fast in chat and slowly by email', () => {
    const median = (cs: Obj[]) => {
      const values = cs.flatMap((c) => {
        const ms = messagesOf(c);
        const visitor = ms.find((m) => m.from === 'VISITOR');
        const reply = visitor && ms.find((m) => m.from === 'AGENT' && m.sentAt >= visitor.sentAt);
        return reply ? [(Date.parse(reply.sentAt) - Date.parse(visitor.sentAt)) / 1000] : [];
      });
      return values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
    };
    expect(median(chats)).toBeGreaterThan(10);
    expect(median(chats)).toBeLessThan(600);
    expect(median(emails)).toBeGreaterThan(1800);
    expect(median(emails)).toBeLessThan(2 * 86_400);
  });

  it('closes most older conversations and leaves more recent ones open', () => {
    const weekAgo = NOW.getTime() - 7 * 86_400_000;
    const openShare = (cs: Obj[]) => cs.filter((c) => c.status === 'OPEN').length / cs.length;
    const older = sample.filter((c) => Date.parse(c.createdAt as string) < weekAgo);
    const recent = sample.filter((c) => Date.parse(c.createdAt as string) >= weekAgo);
    expect(openShare(older)).toBeLessThan(0.1);
    expect(openShare(recent)).toBeGreaterThan(openShare(older));
  });

  it('sets flat custom properties on some conversations', () => {
    const withProps = sample.filter((c) => c.properties !== undefined);
    expect(withProps.length).toBeGreaterThan(sample.length / 3);
    expect(withProps.length).toBeLessThan(sample.length);
    const values = (name: string) => new Set(withProps.map((c) => (c.properties as Obj)[name]).filter((v) => v !== undefined));
    expect([...values('priority')].sort()).toEqual(['high', 'low', 'normal']);
    expect([...values('plan')].sort()).toEqual(['free', 'pro']);
    expect([...values('satisfaction')].every((v) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 5)).toBe(true);
    expect([...values('vip')].sort()).toEqual([false, true]);
  });

  it('rejects invalid options', () => {
    expect(() => generate({ conversations: -1 })).toThrow(RangeError);
    expect(() => generate({ conversations: 1.5 })).toThrow(RangeError);
    expect(() => generate({ months: 0 })).toThrow(RangeError);
    expect(() => generate({ now: new Date(Number.NaN) })).toThrow(RangeError);
  });

  // 60,000 conversations weigh some 85 MB when kept: a generator that kept them would show it.
  it('streams: 60,000 conversations without growing the heap', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    gc();
    const before = process.memoryUsage().heapUsed;
    let peak = 0;
    let count = 0;
    let lastId = '';
    for (const c of generateDemoConversations({ conversations: 60_000, seed: 3, now: NOW })) {
      count++;
      lastId = c.id as string;
      if (count % 15_000 === 0) {
        gc();
        peak = Math.max(peak, process.memoryUsage().heapUsed - before);
      }
    }
    expect(count).toBe(60_000);
    expect(lastId).toBe('demo-060000');
    expect(peak).toBeLessThan(15 * 1024 * 1024);
  });
});
