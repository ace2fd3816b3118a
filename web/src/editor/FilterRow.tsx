import type { EditorQuery, FilterInput, FilterOperator } from '../gql/graphql';
import { ValuePicker } from './ValuePicker';

type Property = EditorQuery['conversationProperties'][number];

export const OPERATOR_LABELS: Record<FilterOperator, string> = {
  EQ: 'is',
  NEQ: 'is not',
  IN: 'is any of',
  NOT_IN: 'is none of',
  CONTAINS: 'contains',
  NOT_CONTAINS: 'does not contain',
  STARTS_WITH: 'starts with',
  GT: 'is more than',
  GTE: 'is at least',
  LT: 'is less than',
  LTE: 'is at most',
  BETWEEN: 'is between',
  IS_KNOWN: 'is known',
  IS_UNKNOWN: 'is unknown',
};

const PICKED: FilterOperator[] = ['EQ', 'NEQ', 'IN', 'NOT_IN'];

/** One condition: a property, an operator that fits its type, and values that fit both. */
export function FilterRow({ index, filter, properties, onChange, onRemove }: { index: number; filter: FilterInput; properties: Property[]; onChange: (filter: FilterInput) => void; onRemove: () => void }) {
  const property = properties.find((p) => p.key === filter.property);
  const values = filter.values ?? [];
  const set = (changes: Partial<FilterInput>) => onChange({ ...filter, ...changes });
  const n = index + 1;
  return (
    <fieldset className="filter-row">
      <legend>Filter {n}</legend>
      <div className="filter-fields">
        <div className="field">
          <label htmlFor={`filter-${n}-property`}>Property</label>
          <select
            id={`filter-${n}-property`}
            value={filter.property}
            onChange={(e) => {
              const next = properties.find((p) => p.key === e.target.value);
              set({ property: e.target.value, operator: next?.operators.includes(filter.operator) ? filter.operator : (next?.operators[0] ?? 'EQ'), values: [] });
            }}
          >
            {properties.map((p) => (
              <option key={p.key} value={p.key}>
                {p.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`filter-${n}-operator`}>Condition</label>
          <select id={`filter-${n}-operator`} value={filter.operator} onChange={(e) => set({ operator: e.target.value as FilterOperator, values: [] })}>
            {(property?.operators ?? []).map((op) => (
              <option key={op} value={op}>
                {OPERATOR_LABELS[op]}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="button-quiet" onClick={onRemove}>
          Remove filter {n}
        </button>
      </div>
      {property && <FilterValues n={n} property={property} operator={filter.operator} values={values} onChange={(v) => set({ values: v })} />}
    </fieldset>
  );
}

function FilterValues({ n, property, operator, values, onChange }: { n: number; property: Property; operator: FilterOperator; values: string[]; onChange: (values: string[]) => void }) {
  if (operator === 'IS_KNOWN' || operator === 'IS_UNKNOWN') return null;
  const pickable = property.type === 'ID' || property.type === 'ENUM' || property.type === 'BOOLEAN' || property.type === 'STRING';
  if (pickable && PICKED.includes(operator)) {
    return <ValuePicker property={property.key} label={property.label} values={values} multiple={operator === 'IN' || operator === 'NOT_IN'} onChange={onChange} />;
  }
  const count = operator === 'BETWEEN' ? 2 : 1;
  const input = property.type === 'DATETIME' ? 'date' : property.type === 'DURATION' || property.type === 'NUMBER' ? 'number' : 'text';
  const unit = property.type === 'DURATION' ? ' (seconds)' : '';
  return (
    <div className="filter-values">
      {Array.from({ length: count }, (_, i) => (
        <div className="field" key={i}>
          <label htmlFor={`filter-${n}-value-${i}`}>{count === 2 ? (i === 0 ? `From${unit}` : `To${unit}`) : `Value${unit}`}</label>
          <input
            id={`filter-${n}-value-${i}`}
            type={input}
            step={input === 'number' ? 'any' : undefined}
            value={values[i] ?? ''}
            required
            onChange={(e) => {
              const next = [...values];
              next[i] = e.target.value;
              onChange(next.slice(0, count));
            }}
          />
        </div>
      ))}
    </div>
  );
}
