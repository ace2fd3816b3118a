import { useState, type FormEvent } from 'react';

/** The token form; `npm start` prints a link that skips it. */
export function SignIn({ onSignIn, problem }: { onSignIn: (token: string) => void; problem: string | null }) {
  const [token, setToken] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (token.trim()) onSignIn(token.trim());
  };
  return (
    <main className="sign-in" id="main">
      <h1>Threadline</h1>
      <p>Chat and email reports for your shared inbox.</p>
      <form onSubmit={submit} className="card">
        <h2>Sign in</h2>
        {problem && (
          <p className="status status-error" role="alert">
            {problem}
          </p>
        )}
        <label htmlFor="token">API token</label>
        <input id="token" type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} required />
        <p className="hint">
          <code>npm start</code> prints a link that signs you in; <code>threadline token create</code> makes a token. It is kept in this tab only.
        </p>
        <button type="submit">Sign in</button>
      </form>
    </main>
  );
}
