import { useEffect, useRef, useState } from 'react';
import { api, enc, type ParameterInfo, type ParameterPreview, type RuleSetDetail, type RuleSetSummary } from '../api';
import { Link, navigate, useLocation } from '../router';
import { useSession } from '../session';
import { Button, Dialog, Empty, ErrorBox, Loading, PermissionNote, formatDate, formatValue, useAction, useLoad, useToast } from '../components/ui';

interface HistoryEntry {
  at: string;
  by: string;
  version: number;
  changes: Array<{ name: string; old: unknown; new: unknown }>;
}

export function ThresholdsPage() {
  const session = useSession();
  const { search } = useLocation();
  const ruleSets = useLoad(() => api.get<RuleSetSummary[]>('/api/rulesets'), []);
  const selected = search.get('ruleset') ?? ruleSets.data?.find((r) => r.name === 'non-payment')?.name ?? ruleSets.data?.[0]?.name ?? null;
  const permission = session.can('editThresholds');

  return (
    <div className="page page-wide">
      <header className="page-header">
        <div>
          <h1>Thresholds</h1>
          <p className="muted">The parameters finance tunes: grace days, minimum amounts, warnings. Every change is a new version, kept with who and when.</p>
        </div>
      </header>
      <PermissionNote permission={permission} />
      <ErrorBox error={ruleSets.error} />
      {!ruleSets.data ? (
        ruleSets.error ? null : <Loading />
      ) : (
        <div className="thresholds-layout">
          <nav className="subnav" aria-label="Rule sets">
            <ul>
              {ruleSets.data.map((r) => (
                <li key={r.name}>
                  <a
                    href={`/thresholds?ruleset=${encodeURIComponent(r.name)}`}
                    aria-current={r.name === selected ? 'page' : undefined}
                    className={r.name === selected ? 'active' : undefined}
                    onClick={(e) => {
                      e.preventDefault();
                      navigate(`/thresholds?ruleset=${encodeURIComponent(r.name)}`, true);
                    }}
                  >
                    {r.name}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          {selected ? <RuleSetThresholds key={selected} name={selected} /> : <Empty>No rule set.</Empty>}
        </div>
      )}
    </div>
  );
}

function RuleSetThresholds({ name }: { name: string }) {
  const session = useSession();
  const toast = useToast();
  const permission = session.can('editThresholds');
  const detail = useLoad(() => api.get<RuleSetDetail>(`/api/rulesets/${enc(name)}`), [name]);
  const history = useLoad(() => api.get<HistoryEntry[]>(`/api/rulesets/${enc(name)}/parameters/history`), [name]);
  const mayPreview = session.can('evaluateRuleSets');
  const [confirm, setConfirm] = useState<{ parameter: ParameterInfo; value: unknown } | null>(null);
  const [preview, setPreview] = useState<PreviewState | null>(null);
  const { busy, error, run } = useAction();
  const whatIf = useRef<HTMLElement>(null);
  useEffect(() => {
    if (preview?.result) whatIf.current?.scrollIntoView?.({ block: 'nearest' });
  }, [preview?.result]);

  // The what-if of a proposed value: shown on the page and again in the confirmation dialog, asked once per value.
  function previewOf(parameter: ParameterInfo, value: unknown) {
    if (!mayPreview.allowed) return;
    if (preview && preview.parameter === parameter.name && JSON.stringify(preview.value) === JSON.stringify(value)) return;
    const asked = { parameter: parameter.name, value };
    setPreview({ ...asked, busy: true });
    api
      .post<ParameterPreview>(`/api/rulesets/${enc(name)}/parameters/preview`, { values: { [parameter.name]: value }, pageSize: 20 })
      .then((result) => setPreview((p) => (p && p.parameter === asked.parameter && p.value === value ? { ...asked, busy: false, result } : p)))
      .catch((e: unknown) => setPreview((p) => (p && p.parameter === asked.parameter && p.value === value ? { ...asked, busy: false, error: e } : p)));
  }

  async function apply() {
    if (!confirm) return;
    await run(async () => {
      const result = await api.put<RuleSetDetail>(`/api/rulesets/${enc(name)}/parameters`, { values: { [confirm.parameter.name]: confirm.value } });
      detail.setData(result);
      history.reload();
      toast(`${confirm.parameter.name} is now ${formatValue(confirm.value)} (version ${result.version}).`);
      setConfirm(null);
      setPreview(null);
    });
  }

  if (detail.error) return <ErrorBox error={detail.error} />;
  if (!detail.data) return <Loading />;
  return (
    <div className="thresholds">
      <p className="muted">
        <strong>{name}</strong> · version {detail.data.version}
      </p>
      {detail.data.parameters.length === 0 ? <Empty>This rule set has no parameters.</Empty> : null}
      <div className="parameter-grid">
        {detail.data.parameters.map((p) => (
          <ParameterCard
            key={p.name}
            parameter={p}
            mayEdit={permission.allowed}
            mayPreview={mayPreview.allowed}
            onPreview={(value) => previewOf(p, value)}
            onChange={(value) => {
              previewOf(p, value);
              setConfirm({ parameter: p, value });
            }}
          />
        ))}
      </div>
      {preview ? (
        <section className="card" aria-labelledby="what-if-title" data-testid="what-if" ref={whatIf}>
          <h2 id="what-if-title">
            What if <code>{preview.parameter}</code> were {formatValue(preview.value)}?
          </h2>
          <PreviewSummary preview={preview} show={20} />
        </section>
      ) : null}
      <section className="card" aria-labelledby="threshold-history">
        <h2 id="threshold-history">History of changes</h2>
        <ErrorBox error={history.error} />
        {history.data && history.data.length === 0 ? <Empty>No change yet: every value is its default or as shipped.</Empty> : null}
        {history.data && history.data.length > 0 ? (
          <table className="table" data-testid="threshold-history">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Parameter</th>
                <th scope="col">Old</th>
                <th scope="col">New</th>
                <th scope="col">Version</th>
              </tr>
            </thead>
            <tbody>
              {history.data.flatMap((h, i) =>
                (h.changes ?? []).map((c, j) => (
                  <tr key={`${i}-${j}`}>
                    <td>{formatDate(h.at)}</td>
                    <td>{h.by}</td>
                    <td>
                      <code>{c.name}</code>
                    </td>
                    <td>{formatValue(c.old)}</td>
                    <td>
                      <strong>{formatValue(c.new)}</strong>
                    </td>
                    <td>v{h.version}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        ) : null}
      </section>
      <Dialog
        open={confirm !== null}
        title="Change this threshold?"
        wide
        onClose={() => setConfirm(null)}
        footer={
          <>
            <Button onClick={() => setConfirm(null)}>Cancel</Button>
            <Button variant="primary" busy={busy} onClick={() => void apply()}>
              Confirm change
            </Button>
          </>
        }
      >
        {confirm ? (
          <>
            <p>
              <code>{confirm.parameter.name}</code> of <strong>{name}</strong> changes from <strong>{formatValue(confirm.parameter.value)}</strong> to{' '}
              <strong>{formatValue(confirm.value)}</strong>.
            </p>
            <p className="muted">Decisions from now on use the new value. The change is recorded with your name.</p>
            {preview && preview.parameter === confirm.parameter.name && JSON.stringify(preview.value) === JSON.stringify(confirm.value) ? (
              <div data-testid="confirm-what-if">
                <PreviewSummary preview={preview} show={5} />
              </div>
            ) : null}
          </>
        ) : null}
        <ErrorBox error={error} />
      </Dialog>
    </div>
  );
}

interface PreviewState {
  parameter: string;
  value: unknown;
  busy: boolean;
  result?: ParameterPreview;
  error?: unknown;
}

const OUTCOMES = ['suspend', 'review', 'warn', 'none'];

/** Both decision counts and the first customers whose decision changes. */
function PreviewSummary({ preview, show }: { preview: PreviewState; show: number }) {
  if (preview.error) return <ErrorBox error={preview.error} title="The preview failed" />;
  if (preview.busy || !preview.result) return <Loading what="Evaluating every customer" />;
  const r = preview.result;
  return (
    <>
      <p data-testid="what-if-summary">
        Over <strong>{r.customers.toLocaleString()}</strong> {r.customers === 1 ? 'customer' : 'customers'}, <strong>{r.changed.toLocaleString()}</strong>{' '}
        {r.changed === 1 ? 'decision changes' : 'decisions change'}. Nothing is changed until you confirm.
      </p>
      <table className="table" data-testid="what-if-counts">
        <thead>
          <tr>
            <th scope="col">Decision</th>
            <th scope="col">Now</th>
            <th scope="col">With the new value</th>
            <th scope="col">Difference</th>
          </tr>
        </thead>
        <tbody>
          {OUTCOMES.map((o) => {
            const now = r.current[o] ?? 0;
            const then = r.proposed[o] ?? 0;
            return (
              <tr key={o} data-outcome={o}>
                <td>{o}</td>
                <td data-testid="count-now">{now.toLocaleString()}</td>
                <td data-testid="count-proposed">
                  <strong>{then.toLocaleString()}</strong>
                </td>
                <td>{then === now ? '—' : `${then > now ? '+' : ''}${(then - now).toLocaleString()}`}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {r.changes.length > 0 ? (
        <table className="table" data-testid="what-if-changes">
          <thead>
            <tr>
              <th scope="col">Customer</th>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {r.changes.slice(0, show).map((c) => (
              <tr key={c.customerId} data-customer={c.customerId}>
                <td>
                  <Link to={`/customers/${encodeURIComponent(c.customerId)}`}>{c.name}</Link>
                  <div className="small muted">{c.customerId}</div>
                </td>
                <td>{c.from}</td>
                <td>
                  <strong>{c.to}</strong>
                </td>
                <td className="small">
                  {c.reasonCode ? <code>{c.reasonCode}</code> : null} {c.message ?? ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {r.changed > Math.min(show, r.changes.length) ? <p className="small muted">and {(r.changed - Math.min(show, r.changes.length)).toLocaleString()} more.</p> : null}
    </>
  );
}

function ParameterCard({
  parameter: p,
  mayEdit,
  mayPreview,
  onPreview,
  onChange,
}: {
  parameter: ParameterInfo;
  mayEdit: boolean;
  mayPreview: boolean;
  onPreview: (value: unknown) => void;
  onChange: (value: unknown) => void;
}) {
  const numeric = p.type === 'integer' || p.type === 'number';
  const boolean = p.type === 'boolean';
  const initial = numeric ? String(p.value ?? '') : boolean ? '' : typeof p.value === 'string' && p.type === 'string' ? p.value : JSON.stringify(p.value ?? null);
  const [text, setText] = useState(initial);
  const [checked, setChecked] = useState(p.value === true);
  useEffect(() => {
    setText(initial);
    setChecked(p.value === true);
  }, [initial, p.value]);
  const id = `param-${p.name}`;
  const parsed = parse(p, text, checked);
  const changed = parsed.ok && JSON.stringify(parsed.value) !== JSON.stringify(p.value);
  return (
    <section className="card parameter" aria-labelledby={`${id}-title`} data-parameter={p.name}>
      <h3 id={`${id}-title`}>
        <code>{p.name}</code>
      </h3>
      {p.description ? <p className="small">{p.description}</p> : null}
      <dl className="facts compact">
        <dt>Type</dt>
        <dd>{p.type}</dd>
        <dt>Bounds</dt>
        <dd>{bounds(p)}</dd>
        <dt>Default</dt>
        <dd>{formatValue(p.default)}</dd>
        <dt>Current</dt>
        <dd data-testid="current-value">
          <strong>{formatValue(p.value)}</strong>
        </dd>
      </dl>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (parsed.ok && changed) onChange(parsed.value);
        }}
      >
        <div className={`field${parsed.ok ? '' : ' field-invalid'}`}>
          <label htmlFor={id}>New value</label>
          {boolean ? (
            <input id={id} type="checkbox" checked={checked} disabled={!mayEdit} onChange={(e) => setChecked(e.target.checked)} />
          ) : (
            <input
              id={id}
              type={numeric ? 'number' : 'text'}
              className={numeric ? undefined : 'code'}
              step={p.type === 'integer' ? 1 : 'any'}
              min={p.min ?? undefined}
              max={p.max ?? undefined}
              value={text}
              readOnly={!mayEdit && !mayPreview}
              aria-invalid={!parsed.ok || undefined}
              aria-describedby={!parsed.ok ? `${id}-error` : undefined}
              onChange={(e) => setText(e.target.value)}
            />
          )}
          {!parsed.ok ? (
            <div id={`${id}-error`} className="field-error">
              {parsed.error}
            </div>
          ) : null}
        </div>
        {mayPreview ? (
          <Button type="button" disabled={!parsed.ok || !changed} onClick={() => parsed.ok && onPreview(parsed.value)}>
            Preview
          </Button>
        ) : null}
        {mayEdit ? (
          <Button type="submit" variant="primary" disabled={!parsed.ok || !changed}>
            Change…
          </Button>
        ) : null}
      </form>
    </section>
  );
}

function bounds(p: ParameterInfo): string {
  const has = (v: unknown) => v !== null && v !== undefined;
  if (has(p.min) && has(p.max)) return `${p.min} to ${p.max}`;
  if (has(p.min)) return `at least ${p.min}`;
  if (has(p.max)) return `at most ${p.max}`;
  return 'none';
}

function parse(p: ParameterInfo, text: string, checked: boolean): { ok: true; value: unknown } | { ok: false; error: string } {
  if (p.type === 'boolean') return { ok: true, value: checked };
  if (p.type === 'integer' || p.type === 'number') {
    if (text.trim() === '') return { ok: false, error: 'Enter a number.' };
    const n = Number(text);
    if (!Number.isFinite(n)) return { ok: false, error: 'Enter a number.' };
    if (p.type === 'integer' && !Number.isInteger(n)) return { ok: false, error: 'Enter a whole number.' };
    if (p.min !== null && p.min !== undefined && n < p.min) return { ok: false, error: `At least ${p.min}.` };
    if (p.max !== null && p.max !== undefined && n > p.max) return { ok: false, error: `At most ${p.max}.` };
    return { ok: true, value: n };
  }
  if (p.type === 'string' || p.type === 'date' || p.type === 'duration') return { ok: true, value: text };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, error: 'Enter JSON, e.g. ["a", "b"] or { "enterprise": 60 }.' };
  }
}
