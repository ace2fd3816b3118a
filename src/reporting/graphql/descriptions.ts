/**
 * How a report's date property and dimensions work together (README, "Dates and dimensions"): said
 * once here, shown wherever the schema has a report's `dateProperty` or `dimensions`.
 */
export const DATE_PROPERTY_RULE =
  '`createdAt` or `closedAt`: the instant the date range selects conversations by (all time: every conversation that has it, so a report by closedAt never counts open ones). Dimensions never select.';

export const DIMENSIONS_RULE =
  'Dimensions only group the conversations the date range and filters select, each in exactly one row: adding, removing or reordering them never changes the total of a count. ' +
  'A date dimension on the report\'s dateProperty has the buckets of the date range (empty ones 0); one on the other date property buckets each conversation by that date, inside the range or not, ' +
  'and those without it (open conversations have no closedAt) form the no-value group (null, "(No value)", listed last).';
