import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { useViewer } from '../auth/viewer';
import { Dialog } from '../common/Dialog';
import { navigate } from '../common/router';
import { ErrorMessage, errorText, Loading } from '../common/status';
import type { DashboardAccess, DashboardPrivacy, ShareInput } from '../gql/graphql';
import { CreateDashboardDocument, LibraryDocument, SharingChoicesDocument } from './operations';
import { PRIVACY_LABELS } from './privacy';

/** A new dashboard from the library: a template, a checkbox per report, a name and who sees it. */
export function CreateDashboardDialog({ onClose }: { onClose: () => void }) {
  const viewer = useViewer();
  const [{ data, error }] = useQuery({ query: LibraryDocument });
  const [templateId, setTemplateId] = useState('chat-overview');
  const [unticked, setUnticked] = useState<Set<string>>(new Set());
  const [name, setName] = useState('');
  const [privacy, setPrivacy] = useState<DashboardPrivacy>('EVERYONE_VIEW');
  const [shares, setShares] = useState<ShareInput[]>([]);
  const [created, create] = useMutation(CreateDashboardDocument);
  const template = data?.dashboardTemplates.find((t) => t.id === templateId);
  const enterprise = viewer.account.plan === 'ENTERPRISE';
  const privacies = (Object.keys(PRIVACY_LABELS) as DashboardPrivacy[]).filter((p) => p !== 'SPECIFIC' || enterprise);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!template) return;
    const result = await create({
      input: {
        templateId,
        name: name.trim() || template.title,
        privacy,
        reportDefinitionIds: template.reports.map((r) => r.id).filter((id) => !unticked.has(id)),
        ...(privacy === 'SPECIFIC' ? { shares } : {}),
      },
    });
    if (result.data) navigate(`/dashboards/${encodeURIComponent(result.data.createDashboardFromTemplate.id)}`);
  };

  return (
    <Dialog title="Create dashboard" onClose={onClose}>
      {!data && !error && <Loading what="the library" />}
      {error && <ErrorMessage error={error} what="the library" />}
      {data && (
        <form onSubmit={submit} className="form">
          <fieldset>
            <legend>Start from</legend>
            {data.dashboardTemplates.map((t) => (
              <label key={t.id} className="choice">
                <input
                  type="radio"
                  name="template"
                  value={t.id}
                  checked={t.id === templateId}
                  onChange={() => {
                    setTemplateId(t.id);
                    setUnticked(new Set());
                  }}
                />
                {t.title} <span className="meta">{t.description}</span>
              </label>
            ))}
          </fieldset>
          {template && (
            <fieldset>
              <legend>Reports</legend>
              {template.reports.map((r) => (
                <label key={r.id} className="choice">
                  <input
                    type="checkbox"
                    checked={!unticked.has(r.id)}
                    onChange={(e) => {
                      const next = new Set(unticked);
                      if (e.target.checked) next.delete(r.id);
                      else next.add(r.id);
                      setUnticked(next);
                    }}
                  />
                  {r.title}
                </label>
              ))}
            </fieldset>
          )}
          <label htmlFor="dashboard-name">Name</label>
          <input id="dashboard-name" value={name} placeholder={template?.title} maxLength={200} onChange={(e) => setName(e.target.value)} />
          <label htmlFor="dashboard-privacy">Who can see it</label>
          <select id="dashboard-privacy" value={privacy} onChange={(e) => setPrivacy(e.target.value as DashboardPrivacy)}>
            {privacies.map((p) => (
              <option key={p} value={p}>
                {PRIVACY_LABELS[p]}
              </option>
            ))}
          </select>
          {!enterprise && <p className="hint">Sharing with specific users and teams needs the ENTERPRISE plan.</p>}
          {privacy === 'SPECIFIC' && <SharePicker shares={shares} onChange={setShares} />}
          {created.error && (
            <p className="status status-error" role="alert">
              {errorText(created.error)}
            </p>
          )}
          <div className="actions">
            <button type="submit" disabled={created.fetching || !template}>
              {created.fetching ? 'Creating…' : 'Create dashboard'}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}

/** Users and teams by name, each with view or edit access. */
function SharePicker({ shares, onChange }: { shares: ShareInput[]; onChange: (shares: ShareInput[]) => void }) {
  const viewer = useViewer();
  const [{ data, error }] = useQuery({ query: SharingChoicesDocument });
  if (error) return <ErrorMessage error={error} what="users and teams" />;
  if (!data) return <Loading what="users and teams" />;
  const grantees = [
    // The owner always has access: only others are listed.
    ...data.members.filter((m) => m.id !== viewer.userId).map((m) => ({ type: 'USER' as const, id: m.id, label: m.name ? `${m.name} (${m.email})` : m.email })),
    ...data.teams.map((t) => ({ type: 'TEAM' as const, id: t.externalId, label: `Team ${t.name}` })),
  ];
  const accessOf = (type: string, id: string) => shares.find((s) => s.granteeType === type && s.granteeId === id)?.access ?? '';
  const set = (type: 'USER' | 'TEAM', id: string, access: DashboardAccess | '') => {
    const rest = shares.filter((s) => !(s.granteeType === type && s.granteeId === id));
    onChange(access ? [...rest, { granteeType: type, granteeId: id, access }] : rest);
  };
  return (
    <fieldset>
      <legend>Share with</legend>
      {grantees.map((g) => (
        <label key={`${g.type}:${g.id}`} className="share-row">
          <span>{g.label}</span>
          <select value={accessOf(g.type, g.id)} onChange={(e) => set(g.type, g.id, e.target.value as DashboardAccess | '')}>
            <option value="">No access</option>
            <option value="VIEW">Can view</option>
            <option value="EDIT">Can edit</option>
          </select>
        </label>
      ))}
    </fieldset>
  );
}
