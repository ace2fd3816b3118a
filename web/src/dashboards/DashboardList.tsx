import { useEffect, useState } from 'react';
import { useQuery } from 'urql';
import { ErrorMessage, Loading } from '../common/status';
import { linkProps, navigate } from '../common/router';
import { CreateDashboardDialog } from './CreateDashboardDialog';
import { DashboardsDocument } from './operations';
import { PRIVACY_LABELS } from './privacy';

const LAST_VIEWED = 'threadline.lastDashboard';

/** Remembers the dashboard this tab showed last: the app opens on it. */
export function rememberDashboard(id: string): void {
  sessionStorage.setItem(LAST_VIEWED, id);
}

/**
 * Where the app opens (the sign-in link leads here): the dashboard this tab showed last, else the
 * first one, as HubSpot opens on a dashboard; without any, the list with its way to create one.
 */
export function Home() {
  const [{ data }] = useQuery({ query: DashboardsDocument, requestPolicy: 'cache-and-network' });
  const dashboards = data?.dashboards;
  useEffect(() => {
    if (!dashboards || dashboards.length === 0) return;
    const last = sessionStorage.getItem(LAST_VIEWED);
    const open = dashboards.find((d) => d.id === last) ?? dashboards[0];
    navigate(`/dashboards/${encodeURIComponent(open.id)}${window.location.search}`, { replace: true });
  }, [dashboards]);
  if (dashboards && dashboards.length === 0) return <DashboardList />;
  return (
    <main id="main" className="page">
      <Loading what="your dashboards" />
    </main>
  );
}

export function DashboardList() {
  const [{ data, error, fetching }] = useQuery({ query: DashboardsDocument, requestPolicy: 'cache-and-network' });
  const [creating, setCreating] = useState(false);
  return (
    <main id="main" className="page">
      <div className="page-title">
        <h1>Dashboards</h1>
        <button type="button" onClick={() => setCreating(true)}>
          Create dashboard
        </button>
      </div>
      {fetching && !data && <Loading what="dashboards" />}
      {error && <ErrorMessage error={error} what="the dashboards" />}
      {data && data.dashboards.length === 0 && <p className="status">No dashboards yet. Create one from the library: Chat overview or Email overview.</p>}
      {data && data.dashboards.length > 0 && (
        <ul className="dashboard-list">
          {data.dashboards.map((d) => (
            <li key={d.id} className="card">
              <a {...linkProps(`/dashboards/${encodeURIComponent(d.id)}`)} className="dashboard-link">
                {d.name}
              </a>
              <span className="meta">
                {PRIVACY_LABELS[d.privacy]} · {d.access === 'EDIT' ? 'you can edit' : 'view only'}
                {d.owner ? ` · owner ${d.owner.name ?? d.owner.email}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      {creating && <CreateDashboardDialog onClose={() => setCreating(false)} />}
    </main>
  );
}
