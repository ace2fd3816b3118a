import { IMPORT_LIMITS, longerThan, PROPERTY_NAME_PATTERN } from './import-schema';

/**
 * A custom property name: 1 to 64 characters, no control characters, no surrounding whitespace
 * (MariaDB and SQLite would disagree on whether `tier` and `tier ` are one name), as the import
 * schema's `propertyNames` says. Names are only ever bound as values, so spaces and dots are fine:
 * `properties.Customer tier`.
 */
export function isCustomPropertyName(name: string): boolean {
  return !longerThan(name, IMPORT_LIMITS.propertyName) && PROPERTY_NAME_PATTERN.test(name);
}
