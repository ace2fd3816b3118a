const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/**
 * A custom property name: 1 to 64 characters, no control characters, no surrounding whitespace
 * (MariaDB and SQLite would disagree on whether `tier` and `tier ` are one name). Names are only
 * ever bound as values, so spaces and dots are fine: `properties.Customer tier`.
 */
export function isCustomPropertyName(name: string): boolean {
  return name.length >= 1 && name.length <= 64 && name.trim() === name && !CONTROL_CHARACTER.test(name);
}
