import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { Dialog } from '../common/Dialog';
import { ErrorMessage, errorText, Loading } from '../common/status';
import { AddReportDocument, LibraryDocument } from './operations';

/** Adds a report of the library or a saved report at the end of the dashboard. */
export function AddReportDialog({ dashboardId, onClose }: { dashboardId: string; onClose: () => void }) {
  const [{ data, error }] = useQuery({ query: LibraryDocument, requestPolicy: 'cache-and-network' });
  const [source, setSource] = useState<'library' | 'saved'>('library');
  const [definitionId, setDefinitionId] = useState('');
  const [reportId, setReportId] = useState('');
  const [added, add] = useMutation(AddReportDocument);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = source === 'library' ? { dashboardId, definitionId } : { dashboardId, reportId };
    const result = await add({ input });
    if (!result.error) onClose();
  };
  return (
    <Dialog title="Add report" onClose={onClose}>
      {!data && !error && <Loading what="the library" />}
      {error && <ErrorMessage error={error} what="the library" />}
      {data && (
        <form className="form" onSubmit={submit}>
          <fieldset>
            <legend>From</legend>
            <label className="choice">
              <input type="radio" name="source" checked={source === 'library'} onChange={() => setSource('library')} /> The report library
            </label>
            <label className="choice">
              <input type="radio" name="source" checked={source === 'saved'} onChange={() => setSource('saved')} disabled={data.reports.length === 0} /> A saved report
              {data.reports.length === 0 && <span className="meta"> (none yet)</span>}
            </label>
          </fieldset>
          {source === 'library' ? (
            <>
              <label htmlFor="add-definition">Report</label>
              <select id="add-definition" value={definitionId} required onChange={(e) => setDefinitionId(e.target.value)}>
                <option value="">Choose a report…</option>
                {(['CHAT', 'EMAIL', null] as const).map((channel) => {
                  const options = data.reportDefinitions.filter((d) => (d.channel ?? null) === channel);
                  return options.length === 0 ? null : (
                    <optgroup key={channel ?? 'all'} label={channel === 'CHAT' ? 'Chat' : channel === 'EMAIL' ? 'Email' : 'All conversations'}>
                      {options.map((d) => (
                        <option key={d.id} value={d.id}>
                          {d.title}
                        </option>
                      ))}
                    </optgroup>
                  );
                })}
              </select>
            </>
          ) : (
            <>
              <label htmlFor="add-saved">Saved report</label>
              <select id="add-saved" value={reportId} required onChange={(e) => setReportId(e.target.value)}>
                <option value="">Choose a report…</option>
                {data.reports.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name}
                  </option>
                ))}
              </select>
            </>
          )}
          {added.error && (
            <p className="status status-error" role="alert">
              {errorText(added.error)}
            </p>
          )}
          <div className="actions">
            <button type="submit" disabled={added.fetching}>
              Add to dashboard
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
