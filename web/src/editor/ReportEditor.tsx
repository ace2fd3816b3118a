import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { useViewer } from '../auth/viewer';
import { linkProps, navigate } from '../common/router';
import { errorText, ErrorMessage, Loading } from '../common/status';
import type { Channel, ChartType, EditorQuery, FilterInput, Granularity } from '../gql/graphql';
import { FilterRow } from './FilterRow';
import { EditDashboardReportDocument, EditorDocument } from './operations';
import { Revisions } from './Revisions';

const CHART_TYPES: [ChartType, string][] = [
  ['BAR', 'Bar (horizontal)'],
  ['COLUMN', 'Column (vertical)'],
  ['LINE', 'Line'],
  ['AREA', 'Area'],
  ['PIE', 'Pie'],
  ['DONUT', 'Donut'],
  ['SUMMARY', 'Summary (totals)'],
  ['TABLE', 'Table'],
];
const GRANULARITIES: [Granularity, string][] = [
  ['DAY', 'Day'],
  ['WEEK', 'Week'],
  ['MONTH', 'Month'],
  ['QUARTER', 'Quarter'],
  ['YEAR', 'Year'],
];
const MAX_MEASURES = 5;

type Tile = EditorQuery['dashboard']['reports'][number];

interface Draft {
  name: string;
  chartType: ChartType;
  channel: Channel | '';
  xAxis: string;
  breakdown: string;
  granularity: Granularity;
  measures: string[];
  filters: FilterInput[];
}

function draftOf(tile: Tile): Draft {
  const source = tile.report ?? null;
  const definition = tile.definition ?? null;
  const dimensions = (source?.dimensions ?? definition?.dimensions ?? []).map((d) => d.key);
  const filters = source?.filters ?? definition?.defaultFilters ?? [];
  return {
    name: tile.title,
    chartType: source?.chartType ?? definition?.defaultChartType ?? 'BAR',
    channel: (source ? source.channel : definition?.channel) ?? '',
    xAxis: dimensions[0] ?? '',
    breakdown: dimensions[1] ?? '',
    granularity: source?.granularity ?? definition?.defaultGranularity ?? 'WEEK',
    measures: (source?.measures ?? definition?.measures ?? []).map((m) => m.key),
    filters: filters.map((f) => ({ property: f.property, operator: f.operator, values: [...f.values] })),
  };
}

/** Edits a report where it sits on a dashboard; a standard report becomes an edited copy there. */
export function ReportEditor({ dashboardId, tileId }: { dashboardId: string; tileId: string }) {
  const viewer = useViewer();
  const [{ data, error, fetching }] = useQuery({ query: EditorDocument, variables: { dashboardId }, requestPolicy: 'cache-and-network' });
  const back = `/dashboards/${encodeURIComponent(dashboardId)}${window.location.search}`;
  const tile = data?.dashboard.reports.find((t) => t.id === tileId);
  let body;
  if (fetching && !data) body = <Loading what="the report" />;
  else if (!data) body = error ? <ErrorMessage error={error} what="the report" /> : null;
  else if (!tile) body = <p className="status status-error" role="alert">This report is no longer on the dashboard.</p>;
  else if (!viewer.account.canEditReports) {
    body = (
      <div className="plan-gate" role="alert">
        <h2>Editing needs another plan</h2>
        <p>{viewer.account.reportEditingRequires}</p>
      </div>
    );
  } else if (data.dashboard.access !== 'EDIT') body = <p className="status" role="alert">You may view this dashboard but not edit it.</p>;
  else body = <EditorForm key={`${tile.id}:${tile.report?.revision ?? 0}`} data={data} tile={tile} dashboardId={dashboardId} back={back} />;
  return (
    <main id="main" className="page">
      <p className="breadcrumb">
        <a {...linkProps('/dashboards')}>Dashboards</a> › <a {...linkProps(back)}>{data?.dashboard.name ?? 'Dashboard'}</a>
      </p>
      <h1>Edit report{tile ? `: ${tile.title}` : ''}</h1>
      {body}
    </main>
  );
}

function EditorForm({ data, tile, dashboardId, back }: { data: EditorQuery; tile: Tile; dashboardId: string; back: string }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(tile));
  const [saved, save] = useMutation(EditDashboardReportDocument);
  const properties = data.conversationProperties;
  const groupable = properties.filter((p) => p.groupable);
  const set = (changes: Partial<Draft>) => setDraft({ ...draft, ...changes });
  const oneDimension = draft.chartType === 'PIE' || draft.chartType === 'DONUT';
  const dimensions = draft.chartType === 'SUMMARY' ? [] : [draft.xAxis, oneDimension ? '' : draft.breakdown].filter(Boolean);
  const hasDate = dimensions.some((key) => properties.find((p) => p.key === key)?.type === 'DATETIME');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await save({
      input: {
        dashboardId,
        dashboardReportId: tile.id,
        changes: {
          name: draft.name,
          chartType: draft.chartType,
          channel: draft.channel || null,
          dimensions,
          granularity: hasDate ? draft.granularity : null,
          measures: draft.measures,
          filters: draft.filters,
        },
      },
    });
    if (!result.error) navigate(back);
  };

  return (
    <div className="editor">
      <form className="form editor-form" onSubmit={submit}>
        <label htmlFor="report-name">Name</label>
        <input id="report-name" value={draft.name} required maxLength={200} onChange={(e) => set({ name: e.target.value })} />

        <label htmlFor="chart-type">Chart type</label>
        <select id="chart-type" value={draft.chartType} onChange={(e) => set({ chartType: e.target.value as ChartType })}>
          {CHART_TYPES.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>

        <label htmlFor="channel">Conversations</label>
        <select id="channel" value={draft.channel} onChange={(e) => set({ channel: e.target.value as Channel | '' })}>
          <option value="CHAT">Chats</option>
          <option value="EMAIL">Emails</option>
          <option value="">Chats and emails</option>
        </select>

        {draft.chartType !== 'SUMMARY' && (
          <>
            <label htmlFor="x-axis">X-axis</label>
            <select id="x-axis" value={draft.xAxis} required onChange={(e) => set({ xAxis: e.target.value, breakdown: e.target.value === draft.breakdown ? '' : draft.breakdown })}>
              <option value="">Choose a property…</option>
              {groupable.map((p) => (
                <option key={p.key} value={p.key}>
                  {p.label}
                </option>
              ))}
            </select>
            <label htmlFor="breakdown">Break down by</label>
            <select id="breakdown" value={draft.breakdown} onChange={(e) => set({ breakdown: e.target.value })} disabled={oneDimension}>
              <option value="">No break-down</option>
              {groupable
                .filter((p) => p.key !== draft.xAxis)
                .map((p) => (
                  <option key={p.key} value={p.key}>
                    {p.label}
                  </option>
                ))}
            </select>
            {oneDimension && <p className="hint">Pie and donut charts show one property, without a break-down.</p>}
            {hasDate && (
              <>
                <label htmlFor="granularity">Dates by</label>
                <select id="granularity" value={draft.granularity} onChange={(e) => set({ granularity: e.target.value as Granularity })}>
                  {GRANULARITIES.map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </select>
              </>
            )}
          </>
        )}

        <fieldset>
          <legend>Measures (1 to {MAX_MEASURES})</legend>
          {data.reportMeasures.map((m) => (
            <label key={m.key} className="choice">
              <input
                type="checkbox"
                checked={draft.measures.includes(m.key)}
                disabled={!draft.measures.includes(m.key) && draft.measures.length >= MAX_MEASURES}
                onChange={(e) => set({ measures: e.target.checked ? [...draft.measures, m.key] : draft.measures.filter((k) => k !== m.key) })}
              />
              {m.label}
            </label>
          ))}
        </fieldset>

        <fieldset>
          <legend>Filters (all must match)</legend>
          {draft.filters.length === 0 && <p className="hint">No filters: every conversation of the channel counts.</p>}
          {draft.filters.map((filter, i) => (
            <FilterRow
              key={i}
              index={i}
              filter={filter}
              properties={properties}
              onChange={(next) => set({ filters: draft.filters.map((f, j) => (j === i ? next : f)) })}
              onRemove={() => set({ filters: draft.filters.filter((_, j) => j !== i) })}
            />
          ))}
          <button type="button" className="button-quiet" onClick={() => set({ filters: [...draft.filters, { property: properties[0].key, operator: properties[0].operators[0], values: [] }] })}>
            Add filter
          </button>
        </fieldset>

        {saved.error && (
          <p className="status status-error" role="alert">
            Could not save: {errorText(saved.error)}
          </p>
        )}
        <div className="actions">
          <button type="submit" disabled={saved.fetching || draft.measures.length === 0}>
            {saved.fetching ? 'Saving…' : 'Save report'}
          </button>
          <a className="button-link" {...linkProps(back)}>
            Cancel
          </a>
        </div>
      </form>
      <Revisions report={tile.report ?? null} />
    </div>
  );
}
