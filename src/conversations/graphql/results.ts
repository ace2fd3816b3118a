import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A conversation that was not stored, and why.' })
export class IngestRejection {
  @Field(() => Int, { description: 'Its 0-based position in the input list.' })
  index: number;

  @Field({ description: 'The field that is wrong and the reason, e.g. `closedAt: must not be earlier than createdAt (...)`.' })
  error: string;
}

@ObjectType({ description: 'What `ingestConversations` did, counted like `threadline import`.' })
export class IngestResult {
  @Field(() => Int, { description: 'Conversations that were new.' })
  imported: number;

  @Field(() => Int, { description: 'Existing conversations whose data changed.' })
  updated: number;

  @Field(() => Int, { description: 'Existing conversations sent again with identical data (nothing written).' })
  unchanged: number;

  @Field(() => [IngestRejection], { description: 'Conversations that were not stored; the others were.' })
  rejected: IngestRejection[];
}
