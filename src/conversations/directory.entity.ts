import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The named things a conversation points at (assignee, inbox, team, chatflow), keyed by the
 * external id given on import. Names follow the latest import that names them; one that gives
 * the id alone keeps the name (an id never named is its own name until a name arrives).
 */
abstract class DirectoryEntry {
  @PrimaryColumn({ name: 'account_id', type: 'int' })
  accountId: number;

  @PrimaryColumn({ name: 'external_id', type: 'varchar', length: 191 })
  externalId: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;
}

/** A team member conversations are assigned to. */
@Entity('agents')
export class Agent extends DirectoryEntry {
  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;
}

@Entity('inboxes')
export class Inbox extends DirectoryEntry {}

@Entity('teams')
export class Team extends DirectoryEntry {}

@Entity('chatflows')
export class Chatflow extends DirectoryEntry {}

export const DIRECTORY_TABLES = {
  assignee: 'agents',
  inbox: 'inboxes',
  team: 'teams',
  chatflow: 'chatflows',
} as const;
export type DirectoryKind = keyof typeof DIRECTORY_TABLES;
