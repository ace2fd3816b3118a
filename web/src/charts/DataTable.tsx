import { formatValue, type Unit } from './format';
import type { PointRef, Result } from './series';

/**
 * A report's numbers as a table: what screen readers and keyboards use, and how any number is
 * checked. Each value is a button that lists the conversations behind it.
 */
export function DataTable({ result, caption, onPoint, id, hidden = false }: { result: Result; caption: string; onPoint: (ref: PointRef) => void; id?: string; hidden?: boolean }) {
  return (
    <div className="table-wrap" id={id} hidden={hidden}>
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {result.dimensions.map((d) => (
              <th key={d.key} scope="col">
                {d.label}
              </th>
            ))}
            {result.measures.map((m) => (
              <th key={m.key} scope="col" className="number">
                {m.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {result.rows.map((row, rowIndex) => (
            <tr key={rowIndex}>
              {row.dimensionValues.map((d, i) => (
                <th key={i} scope="row" data-value={d.value ?? ''}>
                  {d.label}
                </th>
              ))}
              {row.measureValues.map((value, measure) => {
                const text = formatValue(value, result.measures[measure].unit as Unit);
                const where = row.dimensionValues.map((d) => d.label).join(', ') || 'all';
                return (
                  <td key={measure} className="number" data-value={value ?? ''}>
                    <button type="button" className="link-button" aria-label={`${text} ${result.measures[measure].label.toLowerCase()} for ${where}: show the conversations`} onClick={() => onPoint({ row: rowIndex, measure })}>
                      {text}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
