import { Channel, ConversationStatus, CustomPropertyType, Sender } from './conversation.entity';

/**
 * Something a conversation points at. A name left out (`null`) keeps the stored one: names are
 * never wiped by a reference given by id alone.
 */
export interface NamedRef {
  id: string;
  name: string | null;
}

/**
 * The assignee. `email` left out (`undefined`) keeps the stored address; an explicit null (or an
 * empty string) says the agent has none and clears it.
 */
export interface AssigneeRef extends NamedRef {
  email?: string | null;
}

export interface MessageRecord {
  externalId: string | null;
  sender: Sender;
  agentId: string | null;
  sentAt: Date;
}

export interface PropertyRecord {
  name: string;
  type: CustomPropertyType;
  text: string;
  number: number | null;
}

/** A conversation that passed validation, with what reports need derived from it. */
export interface ConversationRecord {
  externalId: string;
  channel: Channel;
  status: ConversationStatus;
  inbox: NamedRef;
  assignee: AssigneeRef | null;
  team: NamedRef | null;
  chatflow: NamedRef | null;
  pageUrl: string | null;
  subject: string | null;
  contactEmail: string | null;
  contactName: string | null;
  createdAt: Date;
  /** Only for CLOSED conversations. */
  closedAt: Date | null;
  /** Sorted by sentAt; ties keep the order they were given in. */
  messages: MessageRecord[];
  properties: PropertyRecord[];
  firstResponseAt: Date | null;
  firstResponseMs: number | null;
  timeToCloseMs: number | null;
  /** Hash of everything above: an identical re-import writes nothing. */
  contentHash: string;
}
