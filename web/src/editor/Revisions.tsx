import { useMutation } from 'urql';
import { errorText } from '../common/status';
import type { EditorQuery } from '../gql/graphql';
import { RestoreRevisionDocument } from './operations';

type Report = NonNullable<EditorQuery['dashboard']['reports'][number]['report']>;

const ACTIONS = { CREATED: 'Saved', UPDATED: 'Edited', RESTORED: 'Restored' } as const;

/** Every saved state of the report, newest first; any earlier one can be put back. */
export function Revisions({ report }: { report: Report | null }) {
  const [restored, restore] = useMutation(RestoreRevisionDocument);
  return (
    <section className="revisions" aria-labelledby="revisions-title">
      <h2 id="revisions-title">Revision history</h2>
      {!report && <p className="hint">This is the standard report of the library. Saving keeps an edited copy on this dashboard, with its own history.</p>}
      {report && (
        <ol>
          {report.revisions.map((r) => (
            <li key={r.revision}>
              <strong>
                {ACTIONS[r.action]} · revision {r.revision}
              </strong>{' '}
              <span className="meta">
                {new Date(r.createdAt).toLocaleString('en-GB')} by {r.author?.name ?? r.author?.email ?? 'someone'}
                {r.changes.length > 0 && ` · changed ${r.changes.join(', ')}`}
              </span>
              {r.revision !== report.revision && report.canEdit && (
                <button type="button" className="button-quiet" disabled={restored.fetching} onClick={() => restore({ input: { id: report.id, revision: r.revision } })}>
                  Restore revision {r.revision}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      {restored.error && (
        <p className="status status-error" role="alert">
          {errorText(restored.error)}
        </p>
      )}
    </section>
  );
}
