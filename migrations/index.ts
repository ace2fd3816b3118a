import { InitialSchema1764057600000 } from './1764057600000-initial-schema';
import { ExactTextComparison1764144000000 } from './1764144000000-exact-text-comparison';

/** Every migration, in the order they apply. Add new ones at the end. */
export const MIGRATIONS = [InitialSchema1764057600000, ExactTextComparison1764144000000];
