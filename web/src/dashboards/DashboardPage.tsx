import { useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useViewer } from '../auth/viewer';
import { Dialog } from '../common/Dialog';
import { linkProps, navigate, useLocation } from '../common/router';
import { ErrorMessage, errorText, Loading } from '../common/status';
import { AddReportDialog } from './AddReportDialog';
import { rememberDashboard } from './DashboardList';
import { RangePicker, rangeFromSearch } from './RangePicker';
import { DashboardDocument, DeleteDashboardDocument, UpdateDashboardDocument } from './operations';
import { Tile, type TileModel } from './Tile';

export function DashboardPage({ id }: { id: string }) {
  const viewer = useViewer();
  const { search } = useLocation();
  const [{ data, error, fetching }] = useQuery({ query: DashboardDocument, variables: { id }, requestPolicy: 'cache-and-network' });
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [updated, update] = useMutation(UpdateDashboardDocument);
  useEffect(() => {
    if (data) rememberDashboard(data.dashboard.id);
  }, [data]);
  if (fetching && !data) return <main id="main" className="page"><Loading what="the dashboard" /></main>;
  if (!data) {
    return (
      <main id="main" className="page">
        {error && <ErrorMessage error={error} what="the dashboard" />}
        <a {...linkProps('/dashboards')}>Back to the dashboards</a>
      </main>
    );
  }
  const dashboard = data.dashboard;
  const canEdit = dashboard.access === 'EDIT';
  const timezone = search.get('tz') || viewer.account.timezone;
  const range = rangeFromSearch(search, timezone);
  const tiles = dashboard.reports;
  const saveLayout = (next: TileModel[]) => update({ input: { id: dashboard.id, layout: next.map((t) => ({ id: t.id, width: t.width })) } });
  const move = (index: number, by: -1 | 1) => {
    const next = [...tiles];
    const [tile] = next.splice(index, 1);
    next.splice(index + by, 0, tile);
    void saveLayout(next);
  };

  return (
    <main id="main" className="page">
      <p className="breadcrumb">
        <a {...linkProps('/dashboards')}>Dashboards</a>
      </p>
      <div className="page-title">
        {canEdit ? <RenameHeading id={dashboard.id} name={dashboard.name} /> : <h1>{dashboard.name}</h1>}
        {!canEdit && <span className="badge">View only</span>}
      </div>
      <div className="toolbar" role="group" aria-label="Dashboard controls">
        <RangePicker dashboardRange={dashboard.dateRange ?? null} range={range} timezone={timezone} />
        {canEdit && (
          <div className="toolbar-actions">
            <button type="button" onClick={() => setAdding(true)}>
              Add report
            </button>
            <button type="button" className="button-danger" onClick={() => setDeleting(true)}>
              Delete dashboard
            </button>
          </div>
        )}
      </div>
      {updated.error && (
        <p className="status status-error" role="alert">
          {errorText(updated.error)}
        </p>
      )}
      {tiles.length === 0 && <p className="status">This dashboard has no reports yet.{canEdit ? ' Add one from the library.' : ''}</p>}
      <div className="grid">
        {tiles.map((tile, index) => (
          <Tile
            key={tile.id}
            dashboardId={dashboard.id}
            tile={tile}
            canEdit={canEdit}
            range={range}
            timezone={timezone}
            onMove={canEdit ? { earlier: index > 0 ? () => move(index, -1) : null, later: index < tiles.length - 1 ? () => move(index, 1) : null } : null}
            onResize={canEdit ? (width) => saveLayout(tiles.map((t) => (t.id === tile.id ? { ...t, width } : t))) : null}
          />
        ))}
      </div>
      {adding && <AddReportDialog dashboardId={dashboard.id} onClose={() => setAdding(false)} />}
      {deleting && <DeleteDialog id={dashboard.id} name={dashboard.name} onClose={() => setDeleting(false)} />}
    </main>
  );
}

function RenameHeading({ id, name }: { id: string; name: string }) {
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(name);
  const [result, update] = useMutation(UpdateDashboardDocument);
  if (!editing) {
    return (
      <>
        <h1>{name}</h1>
        <button
          type="button"
          className="button-quiet"
          onClick={() => {
            setValue(name);
            setEditing(true);
          }}
        >
          Rename
        </button>
      </>
    );
  }
  return (
    <form
      className="rename"
      onSubmit={async (event) => {
        event.preventDefault();
        const saved = await update({ input: { id, name: value } });
        if (!saved.error) setEditing(false);
      }}
    >
      <label htmlFor="rename">Dashboard name</label>
      <input id="rename" value={value} maxLength={200} required autoFocus onChange={(e) => setValue(e.target.value)} />
      <button type="submit">Save name</button>
      <button type="button" className="button-quiet" onClick={() => setEditing(false)}>
        Cancel
      </button>
      {result.error && (
        <p className="status status-error" role="alert">
          {errorText(result.error)}
        </p>
      )}
    </form>
  );
}

function DeleteDialog({ id, name, onClose }: { id: string; name: string; onClose: () => void }) {
  const [result, remove] = useMutation(DeleteDashboardDocument);
  return (
    <Dialog title="Delete dashboard" onClose={onClose}>
      <p>
        Delete <strong>{name}</strong>? Its saved reports are kept.
      </p>
      {result.error && (
        <p className="status status-error" role="alert">
          {errorText(result.error)}
        </p>
      )}
      <div className="actions">
        <button
          type="button"
          className="button-danger"
          onClick={async () => {
            const done = await remove({ id });
            if (!done.error) navigate('/dashboards');
          }}
        >
          Delete
        </button>
        <button type="button" className="button-quiet" onClick={onClose}>
          Keep it
        </button>
      </div>
    </Dialog>
  );
}
