import { Account } from '../accounts/account.entity';
import { ApiToken } from '../auth/api-token.entity';
import { User } from '../auth/user.entity';
import { Agent, Chatflow, Inbox, Team } from '../conversations/directory.entity';
import {
  Conversation,
  ConversationPropertyValue,
  CustomProperty,
  Message,
} from '../conversations/conversation.entity';

export const ENTITIES = [Account, User, ApiToken, Agent, Inbox, Team, Chatflow, Conversation, Message, CustomProperty, ConversationPropertyValue];
