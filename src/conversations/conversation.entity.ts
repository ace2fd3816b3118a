import { Column, Entity, PrimaryColumn } from 'typeorm';

export const CHANNELS = ['CHAT', 'EMAIL'] as const;
export type Channel = (typeof CHANNELS)[number];
export const STATUSES = ['OPEN', 'CLOSED'] as const;
export type ConversationStatus = (typeof STATUSES)[number];
export const SENDERS = ['VISITOR', 'AGENT', 'BOT'] as const;
export type Sender = (typeof SENDERS)[number];

/**
 * A conversation as stored. First response and time to close are derived at write time
 * (docs/metrics.md) so that reports never replay messages.
 */
@Entity('conversations')
export class Conversation {
  @PrimaryColumn({ name: 'account_id', type: 'int' })
  accountId: number;

  @PrimaryColumn({ name: 'external_id', type: 'varchar', length: 191 })
  externalId: string;

  @Column({ type: 'varchar', length: 5 })
  channel: Channel;

  @Column({ type: 'varchar', length: 6 })
  status: ConversationStatus;

  @Column({ name: 'inbox_id', type: 'varchar', length: 191 })
  inboxId: string;

  @Column({ name: 'assignee_id', type: 'varchar', length: 191, nullable: true })
  assigneeId: string | null;

  @Column({ name: 'team_id', type: 'varchar', length: 191, nullable: true })
  teamId: string | null;

  @Column({ name: 'chatflow_id', type: 'varchar', length: 191, nullable: true })
  chatflowId: string | null;

  @Column({ name: 'page_url', type: 'varchar', length: 2048, nullable: true })
  pageUrl: string | null;

  /** The page URL as one page (src/conversations/page-url.ts), written with every conversation. */
  @Column({ name: 'page_url_path', type: 'varchar', length: 2049, nullable: true })
  pageUrlPath: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  subject: string | null;

  @Column({ name: 'contact_email', type: 'varchar', length: 254, nullable: true })
  contactEmail: string | null;

  @Column({ name: 'contact_name', type: 'varchar', length: 200, nullable: true })
  contactName: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'closed_at', type: 'datetime', precision: 3, nullable: true })
  closedAt: Date | null;

  @Column({ name: 'first_response_at', type: 'datetime', precision: 3, nullable: true })
  firstResponseAt: Date | null;

  @Column({ name: 'first_response_ms', type: 'bigint', nullable: true })
  firstResponseMs: number | null;

  @Column({ name: 'time_to_close_ms', type: 'bigint', nullable: true })
  timeToCloseMs: number | null;

  @Column({ name: 'message_count', type: 'int', default: 0 })
  messageCount: number;

  /** Hash of the imported record: a re-import of identical data writes nothing. */
  @Column({ name: 'content_hash', type: 'varchar', length: 40 })
  contentHash: string;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}

@Entity('messages')
export class Message {
  @PrimaryColumn({ name: 'account_id', type: 'int' })
  accountId: number;

  @PrimaryColumn({ name: 'conversation_id', type: 'varchar', length: 191 })
  conversationId: string;

  /** 0-based place in the conversation once sorted by sentAt. */
  @PrimaryColumn({ type: 'int' })
  position: number;

  @Column({ name: 'external_id', type: 'varchar', length: 191, nullable: true })
  externalId: string | null;

  @Column({ type: 'varchar', length: 7 })
  sender: Sender;

  @Column({ name: 'agent_id', type: 'varchar', length: 191, nullable: true })
  agentId: string | null;

  @Column({ name: 'sent_at', type: 'datetime', precision: 3 })
  sentAt: Date;
}

export const CUSTOM_PROPERTY_TYPES = ['STRING', 'NUMBER', 'BOOLEAN'] as const;
export type CustomPropertyType = (typeof CUSTOM_PROPERTY_TYPES)[number];

/** A custom conversation property known in an account (`properties.<name>`). */
@Entity('custom_properties')
export class CustomProperty {
  @PrimaryColumn({ name: 'account_id', type: 'int' })
  accountId: number;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  name: string;

  /** STRING once values of different types were seen. */
  @Column({ type: 'varchar', length: 7 })
  type: CustomPropertyType;
}

@Entity('conversation_properties')
export class ConversationPropertyValue {
  @PrimaryColumn({ name: 'account_id', type: 'int' })
  accountId: number;

  @PrimaryColumn({ name: 'conversation_id', type: 'varchar', length: 191 })
  conversationId: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  name: string;

  /** The value as text ("true"/"false" for booleans): what EQ, CONTAINS and grouping use. */
  @Column({ name: 'value_text', type: 'varchar', length: 1000 })
  valueText: string;

  /** Set for numbers, so GT/LT compare numerically. */
  @Column({ name: 'value_number', type: 'double', nullable: true })
  valueNumber: number | null;
}
