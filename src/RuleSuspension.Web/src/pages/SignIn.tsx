import { useState, type FormEvent } from 'react';
import { ApiError, request, type Me } from '../api';

export function SignIn({ onSignedIn }: { onSignedIn: (key: string, me: Me) => void }) {
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const trimmed = key.trim();
    if (!trimmed) {
      setError('Enter an API key.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const me = await request<Me>('GET', '/api/me', undefined, trimmed);
      onSignedIn(trimmed, me);
    } catch (err) {
      setError(
        err instanceof ApiError && err.status === 401
          ? 'This key is not valid. Check it, or ask a super admin for a new one.'
          : err instanceof ApiError
            ? `${err.title}${err.detail ? ': ' + err.detail : ''}`
            : 'The server cannot be reached.',
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="signin">
      <form className="signin-card" onSubmit={submit} noValidate>
        <div className="brand brand-large">
          <span className="brand-mark" aria-hidden="true">
            ❚❚
          </span>
          RuleSuspension
        </div>
        <h1>Sign in to the console</h1>
        <p className="muted">
          Use your API key. It is kept for this browser tab only and is forgotten when you close it.
        </p>
        <div className={`field${error ? ' field-invalid' : ''}`}>
          <label htmlFor="api-key">API key</label>
          <input
            id="api-key"
            name="api-key"
            type="password"
            autoComplete="off"
            autoFocus
            value={key}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'signin-error' : 'signin-hint'}
            onChange={(e) => setKey(e.target.value)}
          />
          <div id="signin-hint" className="hint">
            On first start the server writes a super admin key to <code>admin.key</code> in its data directory.
          </div>
          {error ? (
            <div id="signin-error" className="field-error" role="alert">
              {error}
            </div>
          ) : null}
        </div>
        <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </div>
  );
}
