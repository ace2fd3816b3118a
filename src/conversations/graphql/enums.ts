import { graphqlEnum } from '../../server/graphql-enum';
import { Channel, ConversationStatus } from '../conversation.entity';

export const ChannelEnum = graphqlEnum<Channel>('Channel', 'Where a conversation takes place.', {
  CHAT: 'Live chat on a website, possibly started by a chatflow (bot).',
  EMAIL: 'Email to a shared inbox.',
});

export const ConversationStatusEnum = graphqlEnum<ConversationStatus>('ConversationStatus', 'Whether a conversation still needs work.', {
  OPEN: 'Not closed yet.',
  CLOSED: 'Closed; it has a `closedAt`.',
});
