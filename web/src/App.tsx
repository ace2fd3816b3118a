import { useMemo, useState } from 'react';
import { Provider, useQuery } from 'urql';
import { SignIn } from './auth/SignIn';
import { currentToken, forgetToken, saveToken } from './auth/token';
import { ViewerContext, ViewerDocument, type Viewer } from './auth/viewer';
import { errorText } from './common/status';
import { linkProps, parseRoute, useLocation } from './common/router';
import { DashboardList, Home } from './dashboards/DashboardList';
import { DashboardPage } from './dashboards/DashboardPage';
import { ReportEditor } from './editor/ReportEditor';
import { createApiClient } from './graphql/client';

export function App() {
  const [token, setToken] = useState(currentToken);
  const [problem, setProblem] = useState<string | null>(null);
  const client = useMemo(
    () =>
      token
        ? createApiClient(token, () => {
            forgetToken();
            setProblem('That token was not accepted (unknown, revoked or expired). Sign in with another one.');
            setToken(null);
          })
        : null,
    [token],
  );
  if (!token || !client) {
    return (
      <SignIn
        problem={problem}
        onSignIn={(value) => {
          saveToken(value);
          setProblem(null);
          setToken(value);
        }}
      />
    );
  }
  return (
    <Provider value={client}>
      <SignedIn
        onSignOut={() => {
          forgetToken();
          setToken(null);
        }}
      />
    </Provider>
  );
}

function SignedIn({ onSignOut }: { onSignOut: () => void }) {
  const [{ data, error, fetching }] = useQuery({ query: ViewerDocument });
  if (fetching && !data) return <p className="status" role="status">Signing in…</p>;
  if (!data) {
    return (
      <main id="main" className="sign-in">
        <p className="status status-error" role="alert">
          Could not sign in: {error ? errorText(error) : 'no answer from the server'}
        </p>
        <button type="button" onClick={onSignOut}>
          Sign in again
        </button>
      </main>
    );
  }
  return (
    <ViewerContext.Provider value={data.viewer}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Header viewer={data.viewer} onSignOut={onSignOut} />
      <Page />
    </ViewerContext.Provider>
  );
}

function Header({ viewer, onSignOut }: { viewer: Viewer; onSignOut: () => void }) {
  return (
    <header className="app-header">
      <a className="brand" {...linkProps('/dashboards')}>
        Threadline
      </a>
      <nav aria-label="Account" className="header-nav">
        <span className="who">
          {viewer.email} · {viewer.account.name} ({viewer.account.plan})
        </span>
        <a href="/graphql">GraphQL explorer</a>
        <button type="button" className="button-quiet" onClick={onSignOut}>
          Sign out
        </button>
      </nav>
    </header>
  );
}

function Page() {
  const { pathname } = useLocation();
  const route = parseRoute(pathname);
  switch (route.page) {
    case 'home':
      return <Home />;
    case 'dashboards':
      return <DashboardList />;
    case 'dashboard':
      return <DashboardPage id={route.id} />;
    case 'edit-tile':
      return <ReportEditor dashboardId={route.dashboardId} tileId={route.tileId} />;
    case 'not-found':
      return (
        <main id="main">
          <h1>Page not found</h1>
          <p>
            <a {...linkProps('/dashboards')}>Back to the dashboards</a>
          </p>
        </main>
      );
  }
}
