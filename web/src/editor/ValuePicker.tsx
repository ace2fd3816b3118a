import { useId, useState } from 'react';
import { useQuery } from 'urql';
import { errorText } from '../common/status';
import { PropertyValuesDocument } from './operations';

/**
 * Values of a property picked from the account's own (agents, inboxes, teams, chatflows by name,
 * URLs, enum and custom values), most used first, searchable; never typed ids.
 */
export function ValuePicker({ property, label, values, multiple, onChange }: { property: string; label: string; values: string[]; multiple: boolean; onChange: (values: string[]) => void }) {
  const [search, setSearch] = useState('');
  const [{ data, error, fetching }] = useQuery({ query: PropertyValuesDocument, variables: { key: property, search: search.trim() || null, first: 20 } });
  const [labels, setLabels] = useState<Record<string, string>>({});
  const searchId = useId();
  const listId = useId();
  const options = data?.propertyValues.nodes ?? [];
  const toggle = (value: string, optionLabel: string, on: boolean) => {
    setLabels({ ...labels, [value]: optionLabel });
    if (!multiple) onChange(on ? [value] : []);
    else onChange(on ? [...values, value] : values.filter((v) => v !== value));
  };
  const labelOf = (value: string) => labels[value] ?? options.find((o) => o.value === value)?.label ?? value;
  return (
    <div className="value-picker">
      {values.length > 0 && (
        <ul className="chips" aria-label={`Chosen ${label.toLowerCase()}`}>
          {values.map((value) => (
            <li key={value}>
              {labelOf(value)}
              <button type="button" className="chip-remove" aria-label={`Remove ${labelOf(value)}`} onClick={() => onChange(values.filter((v) => v !== value))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={searchId}>Find {label.toLowerCase()}</label>
      <input id={searchId} type="search" value={search} onChange={(e) => setSearch(e.target.value)} aria-controls={listId} />
      <fieldset id={listId} className="value-options" aria-busy={fetching}>
        <legend className="visually-hidden">{label} values</legend>
        {error && <p className="status status-error">{errorText(error)}</p>}
        {data && options.length === 0 && <p className="status">No values{search ? ` matching “${search}”` : ''}.</p>}
        {options.map((o) => (
          <label key={o.value} className="choice">
            <input type={multiple ? 'checkbox' : 'radio'} name={listId} checked={values.includes(o.value)} onChange={(e) => toggle(o.value, o.label, e.target.checked)} />
            {o.label} <span className="meta">({o.count})</span>
          </label>
        ))}
        {data && data.propertyValues.totalCount > options.length && <p className="hint">{data.propertyValues.totalCount - options.length} more: search to find them.</p>}
      </fieldset>
    </div>
  );
}
