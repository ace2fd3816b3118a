import { InitialSchema1764057600000 } from './1764057600000-initial-schema';

/** Every migration, in the order they apply. Add new ones at the end. */
export const MIGRATIONS = [InitialSchema1764057600000];
