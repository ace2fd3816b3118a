import { useId, useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Chart, type Stacking } from '../charts/Chart';
import { DataTable } from '../charts/DataTable';
import { formatValue, type Unit } from '../charts/format';
import { drawsChart, isEmpty, type PointRef, type Result } from '../charts/series';
import { linkProps } from '../common/router';
import { errorText } from '../common/status';
import { DrilldownDialog, type DrillTarget } from '../drilldown/DrilldownDialog';
import type { ChartType, DashboardQuery, RunReportInput } from '../gql/graphql';
import type { LocalRange } from './date-range';
import { RemoveReportDocument, TileResultDocument } from './operations';

export type TileModel = DashboardQuery['dashboard']['reports'][number];

const WIDTHS = [
  [4, 'Third'],
  [6, 'Half'],
  [8, 'Two thirds'],
  [12, 'Full width'],
] as const;

/** Tile results depend on the dashboard and its reports: a mutation returning either refetches them. */
const TILE_CONTEXT = { additionalTypenames: ['Dashboard', 'Report'] };

interface TileProps {
  dashboardId: string;
  tile: TileModel;
  canEdit: boolean;
  range: LocalRange | null;
  timezone: string;
  onMove: { earlier: (() => void) | null; later: (() => void) | null } | null;
  onResize: ((width: number) => void) | null;
}

export function Tile({ dashboardId, tile, canEdit, range, timezone, onMove, onResize }: TileProps) {
  const chartType: ChartType = tile.report?.chartType ?? tile.definition?.defaultChartType ?? 'TABLE';
  const run: RunReportInput = useMemo(
    () => ({
      dashboardId,
      ...(tile.report ? { reportId: tile.report.id } : { definitionId: tile.definition?.id }),
      ...(range ? { dateRange: range } : {}),
      timezone,
    }),
    [dashboardId, tile.report?.id, tile.definition?.id, range?.from, range?.to, timezone],
  );
  const [{ data, error, fetching, operation }] = useQuery({ query: TileResultDocument, variables: { input: run }, context: TILE_CONTEXT });
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const [showTable, setShowTable] = useState(false);
  const [stacking, setStacking] = useState<Stacking>('stacked');
  const [removed, remove] = useMutation(RemoveReportDocument);
  const tableId = useId();
  const titleId = useId();
  const result = data?.runReport;
  // Which range and zone the numbers on show were run for: the page's state, readable by tests.
  const shownRun = operation?.variables.input;
  const shown = result && shownRun ? `${shownRun.dateRange?.from ?? ''}..${shownRun.dateRange?.to ?? ''} ${shownRun.timezone ?? ''}` : '';

  const openPoint = (ref: PointRef) => {
    if (!result) return;
    const row = result.rows[ref.row];
    const measure = result.measures[ref.measure];
    const where = row.dimensionValues.map((d) => d.label).join(', ');
    setDrill({
      run,
      point: row.dimensionValues.map((d) => d.value ?? null),
      measure: measure.key,
      title: `${tile.title}${where ? `: ${where}` : ''}`,
      summary: `${formatValue(row.measureValues[ref.measure], measure.unit as Unit)} ${measure.label.toLowerCase()}`,
    });
  };

  return (
    <section className="tile" style={{ gridColumn: `span ${tile.width}` }} aria-labelledby={titleId} aria-busy={fetching} data-shown={shown}>
      <header className="tile-header">
        <h2 id={titleId}>{tile.title}</h2>
        <div className="tile-actions">
          {result && result.dimensions.length > 1 && drawsChart(chartType) && chartType !== 'PIE' && chartType !== 'DONUT' && (
            <button type="button" className="button-quiet" aria-pressed={stacking === 'stacked'} onClick={() => setStacking(stacking === 'stacked' ? 'grouped' : 'stacked')}>
              Stack break-down
            </button>
          )}
          {result && drawsChart(chartType) && (
            <button type="button" className="button-quiet" aria-expanded={showTable} aria-controls={tableId} onClick={() => setShowTable(!showTable)}>
              {showTable ? 'Hide data table' : 'Show data table'}
            </button>
          )}
        </div>
      </header>
      <div className="tile-body">
        {fetching && !result && (
          <p className="status" role="status">
            Loading…
          </p>
        )}
        {error && !result && (
          <p className="status status-error" role="alert">
            Could not load this report: {errorText(error)}
          </p>
        )}
        {result && <TileBody result={result} type={chartType} title={tile.title} stacking={stacking} showTable={showTable} tableId={tableId} onPoint={openPoint} />}
      </div>
      {canEdit && (
        <footer className="tile-footer">
          <a className="button-link" {...linkProps(`/dashboards/${encodeURIComponent(dashboardId)}/tiles/${encodeURIComponent(tile.id)}/edit${window.location.search}`)} aria-label={`Edit ${tile.title}`}>
            Edit
          </a>
          {onMove && (
            <>
              <button type="button" className="button-quiet" disabled={!onMove.earlier} onClick={() => onMove.earlier?.()} aria-label={`Move ${tile.title} earlier`}>
                ◀ Move
              </button>
              <button type="button" className="button-quiet" disabled={!onMove.later} onClick={() => onMove.later?.()} aria-label={`Move ${tile.title} later`}>
                Move ▶
              </button>
            </>
          )}
          {onResize && (
            <label className="inline-field">
              <span className="visually-hidden">Width of {tile.title}</span>
              <select value={tile.width} onChange={(e) => onResize(Number(e.target.value))}>
                {WIDTHS.map(([width, label]) => (
                  <option key={width} value={width}>
                    {label}
                  </option>
                ))}
                {!WIDTHS.some(([w]) => w === tile.width) && <option value={tile.width}>{tile.width} of 12 columns</option>}
              </select>
            </label>
          )}
          <button type="button" className="button-quiet" onClick={() => remove({ input: { dashboardId, dashboardReportId: tile.id } })} aria-label={`Remove ${tile.title} from the dashboard`}>
            Remove
          </button>
          {removed.error && (
            <p className="status status-error" role="alert">
              {errorText(removed.error)}
            </p>
          )}
        </footer>
      )}
      {drill && <DrilldownDialog target={drill} timezone={timezone} onClose={() => setDrill(null)} />}
    </section>
  );
}

function TileBody({ result, type, title, stacking, showTable, tableId, onPoint }: { result: Result; type: ChartType; title: string; stacking: Stacking; showTable: boolean; tableId: string; onPoint: (ref: PointRef) => void }) {
  const empty = isEmpty(result);
  if (type === 'SUMMARY') {
    return (
      <dl className="summary">
        {result.measures.map((m, measure) => (
          <div key={m.key}>
            <dt>{m.label}</dt>
            <dd data-value={result.rows[0]?.measureValues[measure] ?? ''}>
              <button type="button" className="link-button big-number" onClick={() => onPoint({ row: 0, measure })}>
                {formatValue(result.rows[0]?.measureValues[measure] ?? null, m.unit as Unit)}
              </button>
            </dd>
          </div>
        ))}
      </dl>
    );
  }
  if (type === 'TABLE') return empty ? <p className="status">No conversations in this date range.</p> : <DataTable result={result} caption={title} onPoint={onPoint} />;
  return (
    <>
      {empty ? <p className="status">No conversations in this date range.</p> : <Chart result={result} type={type} stacking={stacking} label={title} onPoint={onPoint} />}
      <DataTable result={result} caption={title} onPoint={onPoint} id={tableId} hidden={!showTable} />
    </>
  );
}
