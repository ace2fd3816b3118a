/**
 * Deterministic, streaming generator of realistic demo conversations in the import format of
 * docs/import-format.md. Conversations come out in createdAt order by walking time forward, so
 * memory stays constant whatever the count (only a per-hour rate table for the time span is kept).
 */

export interface DemoOptions {
  conversations: number;
  seed: number;
  now: Date;
  /** How far back the generated history reaches, ending at `now`. Default 6. */
  months?: number;
}

type Sender = 'VISITOR' | 'BOT' | 'AGENT';
type Rng = () => number;
interface Ref { id: string; name: string }
interface Agent extends Ref { email: string; team: string; load: number; speed: number }
interface Inbox extends Ref { emailShare: number; teams: string[]; subjects: string[] }
interface Chatflow extends Ref { inbox: string }
interface Message { from: Sender; at: number }
interface Draft {
  channel: 'CHAT' | 'EMAIL';
  inbox: Inbox;
  assignee: Agent | null;
  chatflow?: Chatflow;
  pageUrl?: string;
  subject?: string;
  messages: Message[];
  /** Median delay from the last message to the close. */
  closeMedian: number;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const SITE = 'https://example.com';
const TEAMS: Ref[] = [{ id: 't-1', name: 'Tier 1' }, { id: 't-2', name: 'Tier 2' }, { id: 't-3', name: 'Sales' }];

// [name, team, relative workload, reply speed factor (< 1 is faster)]
const AGENT_ROWS: [string, string, number, number][] = [
  ['Ada Lovelace', 't-1', 1.4, 0.7], ['Daan de Vries', 't-1', 1.2, 1.0], ['Emma Bakker', 't-1', 1.0, 0.9],
  ['Lucas Visser', 't-1', 0.8, 1.5], ['Mila Smit', 't-1', 0.6, 1.2], ['Grace Hopper', 't-2', 1.2, 0.8],
  ['Alan Turing', 't-2', 1.0, 1.3], ['Sofia Jansen', 't-2', 0.9, 1.0], ['Noah Meijer', 't-2', 0.5, 1.8],
  ['Margaret Hamilton', 't-3', 1.3, 0.6], ['Finn de Boer', 't-3', 1.0, 1.1], ['Julia Mulder', 't-3', 0.7, 1.4],
];
const AGENTS: Agent[] = AGENT_ROWS.map(([name, team, load, speed], i) => ({
  id: `u-${i + 1}`, name, team, load, speed,
  email: `${name.toLowerCase().replace(/ /g, '.').replace(/\.de\./, '.de')}@example.com`,
}));

const INBOXES: Inbox[] = [
  { id: 'support', name: 'Support', emailShare: 0.5, teams: ['t-1', 't-2'], subjects: [
    'Cannot log in', 'Error when exporting data', 'How do I invite my team?', 'Integration stopped syncing',
    'Password reset link expired', 'Feature request: dark mode', 'Webhook returns 500', 'Question about permissions'] },
  { id: 'sales', name: 'Sales', emailShare: 0.2, teams: ['t-3'], subjects: [
    'Question about plans', 'Enterprise pricing', 'Can I get a demo?', 'Discount for nonprofits', 'Volume licensing'] },
  { id: 'billing', name: 'Billing', emailShare: 0.2, teams: ['t-2'], subjects: [
    'Invoice missing VAT number', 'Double charge on my card', 'Change billing address', 'Refund request', 'Cancel subscription'] },
  { id: 'onboarding', name: 'Onboarding', emailShare: 0.1, teams: ['t-1', 't-3'], subjects: [
    'Help importing our contacts', 'Setting up the chat widget', 'Kickoff call scheduling', 'Migrating from another tool'] },
];
const OUTBOUND_SUBJECTS = ['Following up on your trial', 'Your renewal is coming up', 'Checking in after the onboarding call', 'We fixed the issue you reported'];

const CHATFLOWS: Chatflow[] = [
  { id: 'cf-1', name: 'Support widget', inbox: 'support' }, { id: 'cf-2', name: 'Pricing bot', inbox: 'sales' },
  { id: 'cf-3', name: 'Docs assistant', inbox: 'support' }, { id: 'cf-4', name: 'Demo booking', inbox: 'sales' },
  { id: 'cf-5', name: 'Billing helper', inbox: 'billing' },
];

// In order of popularity (weight 1 / rank), each with the chatflow shown on it, if any.
const PAGES: [string, string | null][] = [
  ['/pricing', 'cf-2'], ['/', 'cf-1'], ['/docs/getting-started', 'cf-3'], ['/contact', 'cf-1'], ['/features', 'cf-2'],
  ['/docs/api', 'cf-3'], ['/account/billing', 'cf-5'], ['/demo', 'cf-4'], ['/docs/integrations', 'cf-3'], ['/blog/whats-new', null],
  ['/signup', 'cf-2'], ['/docs/faq', 'cf-3'], ['/pricing/enterprise', 'cf-4'], ['/login', 'cf-1'], ['/docs/webhooks', 'cf-3'],
  ['/about', null], ['/security', 'cf-1'], ['/partners', 'cf-4'], ['/careers', null], ['/status', null],
];
const PAGE_WEIGHTS = PAGES.map((_, rank) => 1 / (rank + 1));

const FIRST_NAMES = ['anna', 'bram', 'chloe', 'david', 'eva', 'felix', 'hana', 'ivan', 'jasmijn', 'kai', 'lena', 'mohammed', 'nina', 'omar', 'priya', 'ruben', 'sara', 'tom', 'yara', 'zoe'];
const LAST_NAMES = ['smith', 'jansen', 'garcia', 'muller', 'rossi', 'kowalski', 'nguyen', 'dubois', 'peters', 'kim', 'hansen', 'silva'];
const CONTACT_DOMAINS = ['example.org', 'example.net', 'acme.example', 'globex.example', 'initech.example'];

/** Relative conversation rate per local hour (Europe/Amsterdam) on a weekday; weekends scale it down. */
const WEEKDAY_HOURLY = [0.04, 0.03, 0.02, 0.02, 0.03, 0.06, 0.15, 0.4, 0.85, 1, 1, 0.95, 0.8, 0.9, 1, 0.95, 0.85, 0.7, 0.45, 0.3, 0.25, 0.2, 0.12, 0.07];
const WEEKEND_FACTOR = 0.18;
const CHAT_SHARE = 0.6;

// ---- randomness -------------------------------------------------------------------------------

/** mulberry32: a small, fast, seedable 32-bit PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const chance = (rng: Rng, p: number) => rng() < p;
const pickOne = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];
const between = (rng: Rng, min: number, max: number) => min + rng() * (max - min);

function pickWeighted<T>(rng: Rng, items: readonly T[], weights: readonly number[]): T {
  let r = rng() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < items.length; i++) if ((r -= weights[i]) < 0) return items[i];
  return items[items.length - 1];
}

/** Lognormal sample with the given median; `sigma` is the spread of its logarithm. */
function lognormal(rng: Rng, median: number, sigma: number): number {
  const normal = Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  return median * Math.exp(sigma * normal);
}

// ---- time -------------------------------------------------------------------------------------

/** Start of EU summer time in `year` (month 2) or its end (month 9): last Sunday, 01:00 UTC. */
function lastSundayOneAm(year: number, month: number): number {
  const lastDay = Date.UTC(year, month + 1, 0);
  return lastDay - new Date(lastDay).getUTCDay() * DAY + HOUR;
}

/** Local weekday (0 = Sunday) and hour in Europe/Amsterdam (CET/CEST). */
function amsterdam(t: number): { weekday: number; hour: number } {
  const year = new Date(t).getUTCFullYear();
  const summer = t >= lastSundayOneAm(year, 2) && t < lastSundayOneAm(year, 9);
  const local = new Date(t + (summer ? 2 : 1) * HOUR);
  return { weekday: local.getUTCDay(), hour: local.getUTCHours() };
}

function isBusinessHours(t: number): boolean {
  const { weekday, hour } = amsterdam(t);
  return weekday >= 1 && weekday <= 5 && hour >= 8 && hour < 18;
}

function hourlyRate(t: number): number {
  const { weekday, hour } = amsterdam(t);
  return WEEKDAY_HOURLY[hour] * (weekday === 0 || weekday === 6 ? WEEKEND_FACTOR : 1);
}

/**
 * Cumulative conversation rate over [start, end) per UTC hour (Amsterdam's offset is whole hours,
 * so the local hour is constant within one), with a gentle growth trend. Maps a quantile in [0, 1)
 * to an instant; increasing quantiles give increasing instants.
 */
function timeline(start: number, end: number): (quantile: number) => number {
  const edges = [start];
  for (let t = Math.floor(start / HOUR) * HOUR + HOUR; t < end; t += HOUR) edges.push(t);
  edges.push(end);
  const cumulative = new Float64Array(edges.length);
  for (let i = 1; i < edges.length; i++) {
    const trend = 0.8 + (0.4 * (edges[i - 1] - start)) / (end - start);
    cumulative[i] = cumulative[i - 1] + hourlyRate(edges[i - 1]) * trend * (edges[i] - edges[i - 1]);
  }
  const total = cumulative[edges.length - 1];
  return (quantile) => {
    const target = quantile * total;
    let lo = 0;
    let hi = edges.length - 1; // invariant: cumulative[lo] <= target < cumulative[hi] (or hi is the end)
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] <= target) lo = mid;
      else hi = mid;
    }
    const fraction = (target - cumulative[lo]) / (cumulative[hi] - cumulative[lo] || 1);
    return Math.min(end, Math.floor(edges[lo] + fraction * (edges[hi] - edges[lo])));
  };
}

/** `months` calendar months before `end` (a fractional part counts 30 days a month). */
function monthsBefore(end: number, months: number): number {
  const start = new Date(end);
  start.setUTCMonth(start.getUTCMonth() - Math.floor(months));
  return start.getTime() - (months % 1) * 30 * DAY;
}

/** Delay before an agent's reply: seconds to minutes in chat, hours by email; slower after hours. */
function replyDelay(rng: Rng, channel: Draft['channel'], after: number, agent: Agent): number {
  const office = isBusinessHours(after);
  const delay = channel === 'CHAT'
    ? lognormal(rng, office ? 45 * SECOND : 8 * MINUTE, office ? 0.9 : 1.2)
    : lognormal(rng, office ? 2.5 * HOUR : 11 * HOUR, 0.9);
  return Math.max(2 * SECOND, Math.min(delay * agent.speed, channel === 'CHAT' ? 2 * HOUR : 4 * DAY));
}

// ---- conversations ----------------------------------------------------------------------------

function pickAgent(rng: Rng, inbox: Inbox): Agent {
  const candidates = AGENTS.filter((a) => inbox.teams.includes(a.team));
  return pickWeighted(rng, candidates, candidates.map((a) => a.load));
}

const inboxById = (id: string) => INBOXES.find((i) => i.id === id) ?? INBOXES[0];

function chatDraft(rng: Rng, createdAt: number): Draft {
  const page = chance(rng, 0.9) ? pickWeighted(rng, PAGES, PAGE_WEIGHTS) : null;
  const flowId = page ? page[1] : pickOne(rng, CHATFLOWS).id; // the page's widget; without a URL, any
  const chatflow = chance(rng, 0.85) ? CHATFLOWS.find((c) => c.id === flowId) : undefined;
  const inbox = inboxById(CHATFLOWS.find((c) => c.id === flowId)?.inbox ?? 'support');
  const roll = rng();
  const botOnly = chatflow !== undefined && roll < 0.09;
  const unanswered = !botOnly && roll < (isBusinessHours(createdAt) ? 0.14 : 0.25);
  const assignee = botOnly || (unanswered && chance(rng, 0.5)) ? null : pickAgent(rng, inbox);
  const messages: Message[] = [{ from: 'VISITOR', at: createdAt }];
  let t = createdAt;
  const add = (from: Sender, gap: number) => messages.push({ from, at: (t += Math.max(SECOND, Math.round(gap))) });
  if (chatflow && (botOnly || chance(rng, 0.85))) add('BOT', between(rng, 1, 4) * SECOND);
  if (botOnly) {
    for (let n = 1 + Math.floor(rng() * 2); n > 0; n--) {
      add('VISITOR', lognormal(rng, 20 * SECOND, 0.7));
      add('BOT', between(rng, 1, 3) * SECOND);
    }
  } else if (unanswered || !assignee) {
    if (chance(rng, 0.4)) add('VISITOR', lognormal(rng, 60 * SECOND, 0.8));
  } else {
    add('AGENT', replyDelay(rng, 'CHAT', createdAt, assignee));
    for (let n = 1 + Math.floor(rng() * 5); n > 0; n--) {
      add('VISITOR', lognormal(rng, 50 * SECOND, 0.8));
      add('AGENT', lognormal(rng, 40 * SECOND, 0.8) * assignee.speed);
    }
    if (chance(rng, 0.5)) add('VISITOR', lognormal(rng, 30 * SECOND, 0.6));
  }
  return {
    channel: 'CHAT', inbox, assignee, chatflow, pageUrl: page ? SITE + page[0] : undefined,
    subject: chance(rng, 0.7) ? pickOne(rng, inbox.subjects) : undefined,
    messages, closeMedian: botOnly ? 2 * MINUTE : unanswered ? 30 * MINUTE : 4 * MINUTE,
  };
}

function emailDraft(rng: Rng, createdAt: number): Draft {
  const inbox = pickWeighted(rng, INBOXES, INBOXES.map((i) => i.emailShare));
  const outbound = chance(rng, 0.12);
  const unanswered = !outbound && chance(rng, 0.06);
  const assignee = unanswered && chance(rng, 0.5) ? null : pickAgent(rng, inbox);
  const messages: Message[] = [{ from: outbound ? 'AGENT' : 'VISITOR', at: createdAt }];
  let t = createdAt;
  const add = (from: Sender, gap: number) => messages.push({ from, at: (t += Math.max(SECOND, Math.round(gap))) });
  if (assignee && !unanswered) {
    let exchanges = outbound ? (chance(rng, 0.65) ? 1 + Math.floor(rng() * 2) : 0) : Math.floor(rng() * 3);
    if (!outbound) add('AGENT', replyDelay(rng, 'EMAIL', t, assignee));
    for (; exchanges > 0; exchanges--) {
      add('VISITOR', lognormal(rng, 5 * HOUR, 1));
      add('AGENT', replyDelay(rng, 'EMAIL', t, assignee));
    }
  }
  return {
    channel: 'EMAIL', inbox, assignee, messages, closeMedian: unanswered ? 3 * DAY : 20 * HOUR,
    subject: pickOne(rng, outbound ? OUTBOUND_SUBJECTS : inbox.subjects),
  };
}

function contact(rng: Rng): { email: string; name: string } {
  const first = pickOne(rng, FIRST_NAMES);
  const last = pickOne(rng, LAST_NAMES);
  const suffix = chance(rng, 0.4) ? String(Math.floor(rng() * 100)) : '';
  const cap = (s: string) => s[0].toUpperCase() + s.slice(1);
  return { email: `${first}.${last}${suffix}@${pickOne(rng, CONTACT_DOMAINS)}`, name: `${cap(first)} ${cap(last)}` };
}

function properties(rng: Rng, closed: boolean, answered: boolean): Record<string, string | number | boolean> | undefined {
  const props: Record<string, string | number | boolean> = {};
  if (chance(rng, 0.6)) props.priority = pickWeighted(rng, ['low', 'normal', 'high'], [0.25, 0.6, 0.15]);
  if (chance(rng, 0.5)) props.plan = chance(rng, 0.7) ? 'free' : 'pro';
  if (closed && answered && chance(rng, 0.3)) props.satisfaction = pickWeighted(rng, [1, 2, 3, 4, 5], [0.05, 0.07, 0.15, 0.35, 0.38]);
  if (chance(rng, 0.15)) props.vip = chance(rng, 0.3);
  return Object.keys(props).length > 0 ? props : undefined;
}

/** Cuts the draft at `now` and decides the status: recent conversations are more often still open. */
function toImportObject(rng: Rng, draft: Draft, id: string, now: number): Record<string, unknown> {
  const createdAt = draft.messages[0].at;
  const messages = draft.messages.filter((m) => m.at <= now);
  const last = messages[messages.length - 1].at;
  const closeAt = Math.round(last + Math.max(SECOND, lognormal(rng, draft.closeMedian, 1)));
  const ageDays = (now - createdAt) / DAY;
  const stillOpen = chance(rng, 0.02 + 0.6 * Math.exp(-ageDays / (draft.channel === 'CHAT' ? 1 : 4)));
  const closed = messages.length === draft.messages.length && closeAt <= now && !stillOpen;
  const { assignee } = draft;
  const team = assignee ? assignee.team : chance(rng, 0.5) ? draft.inbox.teams[0] : null;
  const iso = (t: number) => new Date(t).toISOString();
  const object: Record<string, unknown> = {
    id,
    channel: draft.channel,
    inbox: { id: draft.inbox.id, name: draft.inbox.name },
    assignee: assignee ? { id: assignee.id, name: assignee.name, email: assignee.email } : null,
  };
  if (team) object.team = TEAMS.find((x) => x.id === team);
  if (draft.chatflow) object.chatflow = { id: draft.chatflow.id, name: draft.chatflow.name };
  if (draft.pageUrl) object.pageUrl = draft.pageUrl;
  object.status = closed ? 'CLOSED' : 'OPEN';
  object.createdAt = iso(createdAt);
  if (closed) object.closedAt = iso(closeAt);
  if (draft.subject) object.subject = draft.subject;
  if (draft.channel === 'EMAIL' || chance(rng, 0.85)) object.contact = contact(rng);
  object.messages = messages.map((m, i) => ({
    id: `m${i + 1}`, from: m.from, ...(m.from === 'AGENT' && assignee ? { agentId: assignee.id } : {}), sentAt: iso(m.at),
  }));
  const props = properties(rng, closed, messages.some((m) => m.from === 'AGENT'));
  if (props) object.properties = props;
  return object;
}

/**
 * Yields `conversations` plain objects in the NDJSON import format, in createdAt order, spread over
 * the `months` months before `now` with a business-day rhythm. Same seed and `now`, same output.
 */
export function* generateDemoConversations(options: DemoOptions): Generator<Record<string, unknown>> {
  const { conversations: count, seed, now } = options;
  const months = options.months ?? 6;
  if (!Number.isInteger(count) || count < 0) throw new RangeError('conversations must be a non-negative integer');
  if (!(months > 0)) throw new RangeError('months must be positive');
  const end = now.getTime();
  if (Number.isNaN(end)) throw new RangeError('now must be a valid date');
  const at = timeline(monthsBefore(end, months), end);
  const rng = mulberry32(seed);
  const width = Math.max(6, String(count).length);
  // Sorted uniform order statistics, one at a time: the minimum of the k remaining uniforms
  // above u is 1 - (1 - u) * V^(1/k).
  let quantile = 0;
  for (let i = 0; i < count; i++) {
    quantile = 1 - (1 - quantile) * Math.pow(1 - rng(), 1 / (count - i));
    const createdAt = at(quantile);
    const draft = chance(rng, CHAT_SHARE) ? chatDraft(rng, createdAt) : emailDraft(rng, createdAt);
    yield toImportObject(rng, draft, `demo-${String(i + 1).padStart(width, '0')}`, end);
  }
}
