import { graphqlEnum } from '../../server/graphql-enum';
import { Channel, ConversationStatus, Sender } from '../conversation.entity';

export const ChannelEnum = graphqlEnum<Channel>('Channel', 'Where a conversation takes place.', {
  CHAT: 'Live chat on a website, possibly started by a chatflow (bot).',
  EMAIL: 'Email to a shared inbox.',
});

export const ConversationStatusEnum = graphqlEnum<ConversationStatus>('ConversationStatus', 'Whether a conversation still needs work.', {
  OPEN: 'Not closed yet.',
  CLOSED: 'Closed; it has a `closedAt`.',
});

export const MessageSenderEnum = graphqlEnum<Sender>('MessageSender', 'Who sent a message.', {
  VISITOR: 'The contact (website visitor or email sender).',
  AGENT: 'A team member. The first AGENT message at or after the first VISITOR message is the first response.',
  BOT: 'A chatflow (bot). Bot messages never count as a response.',
});
