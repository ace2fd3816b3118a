import { registerEnumType } from 'type-graphql';
import { Channel, ConversationStatus, Sender } from '../conversation.entity';

export const ChannelEnum: { [K in Channel]: K } = { CHAT: 'CHAT', EMAIL: 'EMAIL' };
export const ConversationStatusEnum: { [K in ConversationStatus]: K } = { OPEN: 'OPEN', CLOSED: 'CLOSED' };
export const MessageSenderEnum: { [K in Sender]: K } = { VISITOR: 'VISITOR', AGENT: 'AGENT', BOT: 'BOT' };

registerEnumType(ChannelEnum, {
  name: 'Channel',
  description: 'Where a conversation takes place.',
  valuesConfig: { CHAT: { description: 'Live chat on a website, possibly started by a chatflow (bot).' }, EMAIL: { description: 'Email to a shared inbox.' } },
});
registerEnumType(ConversationStatusEnum, {
  name: 'ConversationStatus',
  description: 'Whether a conversation still needs work.',
  valuesConfig: { OPEN: { description: 'Not closed yet.' }, CLOSED: { description: 'Closed; it has a `closedAt`.' } },
});
registerEnumType(MessageSenderEnum, {
  name: 'MessageSender',
  description: 'Who sent a message.',
  valuesConfig: {
    VISITOR: { description: 'The contact (website visitor or email sender).' },
    AGENT: { description: 'A team member. The first AGENT message at or after the first VISITOR message is the first response.' },
    BOT: { description: 'A chatflow (bot). Bot messages never count as a response.' },
  },
});
