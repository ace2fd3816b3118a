import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { generateDemoConversations, mulberry32 } from '../src/demo/generate';

/**
 * The benchmark's data set: the demo generator's conversations (12 months with a business-day
 * rhythm, realistic reply times), reshaped to the size of a mid-sized support team: 25 agents in 5
 * teams, 5 inboxes, 6 chatflows, 50 page URLs, about 4 messages a conversation. The demo generator
 * has no options for these (it models a 12-person team), so the directory is re-drawn here with a
 * PRNG of its own; times, channels and statuses stay the demo's. Same seed, same file.
 */
export const BENCH_NOW = new Date('2026-03-15T12:00:00Z');
export const BENCH_MONTHS = 12;
const SEED = 20260315;

type Json = Record<string, unknown>;
interface Ref { id: string; name: string }
interface Agent extends Ref { email: string; team: Ref; load: number }
interface Message { id: string; from: 'VISITOR' | 'BOT' | 'AGENT'; agentId?: string; sentAt: string }

const TEAMS: Ref[] = ['Tier 1', 'Tier 2', 'Sales', 'Billing', 'Onboarding'].map((name, i) => ({ id: `t-${i + 1}`, name }));

const FIRST = ['Ada', 'Alan', 'Grace', 'Margaret', 'Daan', 'Emma', 'Lucas', 'Mila', 'Sofia', 'Noah', 'Finn', 'Julia', 'Sara', 'Omar', 'Priya', 'Kai', 'Lena', 'Ruben', 'Yara', 'Zoe', 'Ivan', 'Hana', 'Felix', 'Chloe', 'Bram'];
const LAST = ['Lovelace', 'Turing', 'Hopper', 'Hamilton', 'de Vries', 'Bakker', 'Visser', 'Smit', 'Jansen', 'Meijer', 'de Boer', 'Mulder', 'Peters', 'Nguyen', 'Garcia', 'Kim', 'Hansen', 'Silva', 'Rossi', 'Dubois', 'Kowalski', 'Muller', 'Smith', 'Jones', 'Brown'];
const AGENTS: Agent[] = FIRST.map((first, i) => ({
  id: `u-${i + 1}`,
  name: `${first} ${LAST[i]}`,
  email: `${first}.${LAST[i]}`.toLowerCase().replace(/ /g, '') + '@example.com',
  team: TEAMS[i % TEAMS.length],
  // Workloads from 0.5 to 1.5: some agents take three times as many conversations as others.
  load: 0.5 + ((i * 7) % 25) / 24,
}));

const INBOXES: Ref[] = [
  { id: 'support', name: 'Support' }, { id: 'sales', name: 'Sales' }, { id: 'billing', name: 'Billing' },
  { id: 'onboarding', name: 'Onboarding' }, { id: 'partners', name: 'Partners' },
];
const INBOX_WEIGHTS = [0.4, 0.2, 0.2, 0.1, 0.1];

const CHATFLOWS: (Ref & { inbox: Ref })[] = [
  ['Support widget', 0], ['Pricing bot', 1], ['Docs assistant', 0], ['Demo booking', 1], ['Billing helper', 2], ['Partner portal', 4],
].map(([name, inbox], i) => ({ id: `cf-${i + 1}`, name: name as string, inbox: INBOXES[inbox as number] }));
const CHATFLOW_WEIGHTS = [0.3, 0.2, 0.2, 0.1, 0.1, 0.1];

const SECTIONS = ['docs', 'blog', 'pricing', 'features', 'integrations'];
const PAGES = Array.from({ length: 50 }, (_, i) => (i === 0 ? 'https://example.com/' : `https://example.com/${SECTIONS[i % SECTIONS.length]}/page-${i}`));
// Popularity 1 / rank, as page views tend to be.
const PAGE_WEIGHTS = PAGES.map((_, rank) => 1 / (rank + 1));

export const BENCH_SHAPE = { agents: AGENTS.length, inboxes: INBOXES.length, chatflows: CHATFLOWS.length, pageUrls: PAGES.length, months: BENCH_MONTHS };

function weighted<T>(rng: () => number, items: readonly T[], weights: readonly number[], total = weights.reduce((a, b) => a + b, 0)): T {
  let r = rng() * total;
  for (let i = 0; i < items.length; i++) if ((r -= weights[i]) < 0) return items[i];
  return items[items.length - 1];
}

const AGENT_WEIGHTS = AGENTS.map((a) => a.load);

/** Yields `count` conversations in the import format, in createdAt order. */
export function* generateBenchConversations(count: number): Generator<Json> {
  const rng = mulberry32(SEED ^ 0x5bd1e995);
  for (const demo of generateDemoConversations({ conversations: count, seed: SEED, now: BENCH_NOW, months: BENCH_MONTHS })) {
    yield reshape(demo, rng);
  }
}

function reshape(c: Json, rng: () => number): Json {
  const chat = c.channel === 'CHAT';
  const chatflow = c.chatflow ? weighted(rng, CHATFLOWS, CHATFLOW_WEIGHTS) : null;
  const inbox = chatflow ? chatflow.inbox : weighted(rng, INBOXES, INBOX_WEIGHTS);
  const agent = c.assignee ? weighted(rng, AGENTS, AGENT_WEIGHTS) : null;
  const team = agent ? agent.team : c.team ? TEAMS[Math.floor(rng() * TEAMS.length)] : null;
  const out: Json = { ...c, inbox, assignee: agent && { id: agent.id, name: agent.name, email: agent.email } };
  if (team) out.team = team;
  else delete out.team;
  if (chatflow) out.chatflow = { id: chatflow.id, name: chatflow.name };
  if (chat && c.pageUrl) out.pageUrl = weighted(rng, PAGES, PAGE_WEIGHTS);
  out.messages = trimMessages(c.messages as Message[], agent, rng);
  return out;
}

/**
 * The demo's chats run to 6-7 messages on average; the benchmark wants about 4. Messages are cut
 * after a random length of 2 to 8, never before the first agent reply (first response times keep
 * their demo distribution). The close stays after the last message, so closedAt remains valid.
 */
function trimMessages(messages: Message[], agent: Agent | null, rng: () => number): Message[] {
  const firstReply = messages.findIndex((m) => m.from === 'AGENT');
  const keep = Math.max(firstReply + 1, 2 + Math.floor(rng() * 7));
  return messages.slice(0, keep).map((m) => (m.from === 'AGENT' && agent ? { ...m, agentId: agent.id } : m));
}

/** Writes the first `count` bench conversations as NDJSON, one line at a time (constant memory). */
export async function writeBenchNdjson(file: string, count: number): Promise<void> {
  const out = createWriteStream(file);
  const failed = once(out, 'error').then(([error]) => Promise.reject(error));
  failed.catch(() => undefined);
  for (const conversation of generateBenchConversations(count)) {
    if (!out.write(`${JSON.stringify(conversation)}\n`)) await Promise.race([once(out, 'drain'), failed]);
  }
  out.end();
  await Promise.race([once(out, 'finish'), failed]);
}
