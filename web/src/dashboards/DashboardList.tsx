import { useState } from 'react';
import { useQuery } from 'urql';
import { ErrorMessage, Loading } from '../common/status';
import { linkProps } from '../common/router';
import { CreateDashboardDialog } from './CreateDashboardDialog';
import { DashboardsDocument } from './operations';
import { PRIVACY_LABELS } from './privacy';

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
