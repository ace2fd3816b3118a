import { Channel, ConversationStatus, CustomPropertyType, Sender } from './conversation.entity';

export interface NamedRef {
  id: string;
  name: string;
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
  assignee: (NamedRef & { email: string | null }) | null;
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
