import schema from '../../schema/conversation.schema.json';
import type { Channel, ConversationStatus, Sender } from './conversation.entity';

/**
 * The import format as a JSON Schema: schema/conversation.schema.json, published with the package
 * (`threadline/conversation.schema.json`) for integrators' own validators and explained in
 * docs/import-format.md. Validation takes its enums, length limits and patterns from it, so the
 * schema, the docs and `threadline import` cannot drift apart; a test runs a JSON Schema validator
 * beside validateConversation over good and bad lines and checks that both give the same verdict.
 */
export const CONVERSATION_SCHEMA = schema;

const fields = schema.properties;
const defs = schema.$defs;

export const IMPORT_LIMITS = {
  id: defs.key.maxLength,
  name: defs.name.maxLength,
  email: defs.email.maxLength,
  pageUrl: fields.pageUrl.maxLength,
  subject: fields.subject.maxLength,
  messages: fields.messages.maxItems,
  messageId: defs.message.properties.id.maxLength,
  agentId: defs.message.properties.agentId.maxLength,
  propertyName: fields.properties.propertyNames.maxLength,
  propertyValue: fields.properties.additionalProperties.maxLength,
  propertiesPerConversation: fields.properties.maxProperties,
  /** Property names one account may have (not expressible in a schema of one conversation). */
  propertiesPerAccount: 1000,
};

// The entity's constants type these; a unit test checks that they list the same values.
export const CHANNEL_VALUES = fields.channel.enum as readonly Channel[];
export const STATUS_VALUES = fields.status.enum as readonly ConversationStatus[];
export const SENDER_VALUES = defs.message.properties.from.enum as readonly Sender[];

/** A timestamp of the import: ISO 8601 with an offset, in the years 1970 to 2100 (in its own offset). */
export const IMPORT_INSTANT_PATTERN = new RegExp(defs.instant.pattern, 'u');

/**
 * The instants an imported conversation may hold: from 1970 to the end of 2100 in UTC. Beyond them
 * a timestamp is a mistake of the export (a year 9999 placeholder, epoch seconds read as
 * milliseconds), and one such conversation would stretch every all-time report over millennia.
 */
export const IMPORT_INSTANT_RANGE = { from: Date.UTC(1970, 0, 1), until: Date.UTC(2101, 0, 1) };
/** A custom property name: no control characters, no surrounding whitespace (lengths apart). */
export const PROPERTY_NAME_PATTERN = new RegExp(fields.properties.propertyNames.pattern, 'u');

/**
 * Whether `text` has more than `max` characters, counted as JSON Schema and MariaDB's utf8mb4
 * columns count them: in code points, where String#length counts UTF-16 units (an emoji is 2).
 */
export function longerThan(text: string, max: number): boolean {
  if (text.length <= max) return false;
  let characters = text.length;
  for (let i = 0; i < text.length - 1 && characters > max; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        characters--;
        i++;
      }
    }
  }
  return characters > max;
}
