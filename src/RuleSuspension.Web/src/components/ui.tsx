import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useId,
  useRef,
  useState,
  type ButtonHTMLAttributes,
  type ReactNode,
} from 'react';
import { ApiError } from '../api';
import type { Permission } from '../permissions';

// ---------- data loading ----------

/** A user action that calls the server: `run` shows it busy, keeps its error for an ErrorBox, and clears both. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run };
}

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
  setData: (value: T) => void;
}

/** Runs `load` when `deps` change; `reload()` runs it again. Late answers of an older run are dropped. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  const run = useRef(0);
  useEffect(() => {
    const mine = ++run.current;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => mine === run.current && setState({ data, loading: false }),
      (error) => mine === run.current && setState({ error, loading: false }),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  return {
    data: state.data,
    error: state.error,
    loading: state.loading,
    reload: useCallback(() => setTick((t) => t + 1), []),
    setData: useCallback((data: T) => setState({ data, loading: false }), []),
  };
}

// ---------- feedback ----------

export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 404) return error.detail ?? 'Not found.';
    return error.detail ? error.detail : error.title;
  }
  return error instanceof Error ? error.message : String(error);
}

export function ErrorBox({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  const details = error instanceof ApiError ? error.errors : [];
  return (
    <div className="alert alert-error" role="alert">
      <strong>{title ?? (error instanceof ApiError ? error.title : 'Something went wrong')}</strong>
      <div>{errorText(error)}</div>
      {details.length > 0 && (
        <ul>
          {details.slice(0, 12).map((e, i) => (
            <li key={i}>
              {e.path ? <code>{e.path}</code> : null} {e.message}
              {e.line ? ` (line ${e.line}, column ${e.column ?? 1})` : ''}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Loading({ what = 'Loading' }: { what?: string }) {
  return (
    <div className="loading" role="status">
      <span className="spinner" aria-hidden="true" /> {what}…
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="empty">{children}</div>;
}

interface Toast {
  id: number;
  text: string;
  kind: 'ok' | 'error';
}
const ToastContext = createContext<(text: string, kind?: 'ok' | 'error') => void>(() => {});

export function ToastHost({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const show = useCallback((text: string, kind: 'ok' | 'error' = 'ok') => {
    const id = next.current++;
    setToasts((t) => [...t, { id, text, kind }]);
    setTimeout(() => setToasts((t) => t.filter((x) => x.id !== id)), 5000);
  }, []);
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((t) => (
          <div key={t.id} className={`toast toast-${t.kind}`}>
            {t.text}
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast() {
  return useContext(ToastContext);
}

// ---------- controls ----------

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: 'primary' | 'secondary' | 'danger' | 'ghost';
  /** When given and not allowed, the button is disabled and the reason is shown beside it. */
  permission?: Permission;
  busy?: boolean;
};

export function Button({ variant = 'secondary', permission, busy, disabled, className, children, type, ...rest }: ButtonProps) {
  const reasonId = useId();
  const denied = permission && !permission.allowed;
  const button = (
    <button
      type={type ?? 'button'}
      className={`btn btn-${variant}${className ? ' ' + className : ''}`}
      disabled={disabled || denied || busy}
      aria-describedby={denied ? reasonId : undefined}
      aria-busy={busy || undefined}
      title={denied ? permission.reason : rest.title}
      {...rest}
    >
      {busy ? <span className="spinner spinner-small" aria-hidden="true" /> : null}
      {children}
    </button>
  );
  if (!denied) return button;
  return (
    <span className="btn-with-reason">
      {button}
      <span id={reasonId} className="reason">
        {permission.reason}
      </span>
    </span>
  );
}

/** A notice that a whole page or panel is read-only for this role. */
export function PermissionNote({ permission }: { permission: Permission }) {
  if (permission.allowed) return null;
  return (
    <p className="note" role="note">
      <span aria-hidden="true">🔒 </span>
      {permission.reason}
    </p>
  );
}

export function Field({
  label,
  hint,
  error,
  children,
  htmlFor,
}: {
  label: string;
  hint?: ReactNode;
  error?: ReactNode;
  children: ReactNode;
  htmlFor?: string;
}) {
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={htmlFor}>{label}</label>
      {children}
      {hint ? <div className="hint">{hint}</div> : null}
      {error ? (
        <div className="field-error" role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
}

/** A modal dialog (native <dialog>): focus is trapped, Escape closes it. */
export function Dialog({
  open,
  title,
  onClose,
  children,
  footer,
  wide,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={`dialog${wide ? ' dialog-wide' : ''}`}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      {open && (
        <>
          <header className="dialog-header">
            <h2 id={titleId}>{title}</h2>
            <button type="button" className="icon-btn" aria-label="Close" onClick={onClose}>
              ×
            </button>
          </header>
          <div className="dialog-body">{children}</div>
          {footer ? <footer className="dialog-footer">{footer}</footer> : null}
        </>
      )}
    </dialog>
  );
}

export function Badge({ kind, children }: { kind: string; children: ReactNode }) {
  return <span className={`badge badge-${kind}`}>{children}</span>;
}

export function StatusBadge({ status }: { status: string }) {
  const kind =
    status === 'suspended' || status === 'failed' || status === 'suspend'
      ? 'danger'
      : status === 'published' || status === 'active' || status === 'completed' || status === 'none'
        ? 'ok'
        : status === 'draft' || status === 'open' || status === 'warn' || status === 'review'
          ? 'warn'
          : 'muted';
  return <Badge kind={kind}>{status}</Badge>;
}

// ---------- formatting ----------

export function formatDate(value?: string | null): string {
  if (!value) return '—';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return d.toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export function age(value?: string | null, now = Date.now()): string {
  if (!value) return '—';
  const ms = now - new Date(value).getTime();
  if (Number.isNaN(ms)) return '—';
  const minutes = Math.floor(ms / 60000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} days`;
}

export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
