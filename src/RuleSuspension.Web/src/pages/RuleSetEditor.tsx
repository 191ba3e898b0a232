import { useEffect, useMemo, useState } from 'react';
import { api, enc, query, type Customer, type FieldError, type RuleAction, type RuleDoc, type RuleSetDetail, type RuleSetDocument } from '../api';
import { Link } from '../router';
import { useSession } from '../session';
import { Badge, Button, ErrorBox, Field, Loading, PermissionNote, StatusBadge, formatValue, useLoad, useToast } from '../components/ui';
import { ExpressionField } from '../components/ExpressionField';
import { REASON_CODES } from './CustomerDetail';

const ACTION_TYPES = ['suspend', 'review', 'warn', 'assert', 'halt'];

export default function RuleSetEditorPage({ name }: { name: string }) {
  const session = useSession();
  const toast = useToast();
  const mayEdit = session.can('editRuleSets');
  const detail = useLoad(() => api.get<RuleSetDetail & { document: RuleSetDocument }>(`/api/rulesets/${enc(name)}`), [name]);
  const [doc, setDoc] = useState<RuleSetDocument | null>(null);
  const [saved, setSaved] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [checkedText, setCheckedText] = useState('');
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);

  useEffect(() => {
    if (!detail.data) return;
    const d = structuredClone(detail.data.document);
    setDoc(d);
    setSaved(JSON.stringify(d));
  }, [detail.data]);

  const text = doc ? JSON.stringify(doc) : '';
  const dirty = !!doc && text !== saved;
  const pending = mayEdit.allowed && text !== checkedText;

  // Validates the whole document as one types: the server knows params and facts, and answers with line and column.
  useEffect(() => {
    // A code-defined set has no document to check: its rules are C#.
    if (!doc || !mayEdit.allowed || detail.data?.kind === 'nrules') return;
    const t = setTimeout(() => {
      api.post<{ valid: boolean; errors: FieldError[] }>(`/api/rulesets/${enc(name)}/validate`, doc).then(
        (r) => {
          setErrors(r.errors ?? []);
          setCheckedText(text);
        },
        (e) => setSaveError(e),
      );
    }, 400);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, mayEdit.allowed, name]);

  const errorsAt = (path: string) => errors.filter((e) => e.path === path || e.path?.startsWith(path + '.') || e.path?.startsWith(path + '['));

  function updateRule(i: number, change: Partial<RuleDoc>) {
    setDoc((d) => (d ? { ...d, rules: d.rules.map((r, j) => (j === i ? { ...r, ...change } : r)) } : d));
  }

  async function save() {
    if (!doc) return;
    setSaving(true);
    setSaveError(null);
    try {
      const result = await api.put<RuleSetDetail>(`/api/rulesets/${enc(name)}`, doc);
      toast(`Saved as version ${result.version}.`);
      detail.setData(result);
    } catch (e) {
      setSaveError(e);
    } finally {
      setSaving(false);
    }
  }

  if (detail.error) {
    return (
      <div className="page">
        <Crumb name={name} />
        <ErrorBox error={detail.error} />
      </div>
    );
  }
  if (detail.data?.kind === 'nrules') return <CodeDefinedRuleSet detail={detail.data} />;
  if (!detail.data || !doc) return <Loading what="Loading the rule set" />;
  const readOnly = !mayEdit.allowed;
  const general = errors.filter((e) => !e.path?.startsWith('$.rules['));

  return (
    <div className="page page-wide">
      <Crumb name={name} />
      <header className="page-header">
        <div>
          <h1>
            {name} <span className="muted small">v{detail.data.version}</span>
          </h1>
          <p className="muted">
            Last saved by {detail.data.createdBy ?? '—'}. Thresholds are changed on the <Link to={`/thresholds?ruleset=${encodeURIComponent(name)}`}>Thresholds</Link> page.
          </p>
        </div>
        <div className="actions">
          {!readOnly ? (
            <span className={`check-state ${pending ? 'pending' : errors.length ? 'bad' : 'ok'}`} role="status" data-testid="ruleset-validation">
              {pending ? 'Checking…' : errors.length ? `⚠ ${errors.length} problem${errors.length === 1 ? '' : 's'}` : '✓ Valid'}
            </span>
          ) : null}
          <Button onClick={() => detail.data && setDoc(structuredClone(detail.data.document))} disabled={!dirty || readOnly}>
            Discard changes
          </Button>
          <Button variant="primary" permission={mayEdit} disabled={!dirty || pending || errors.length > 0} busy={saving} onClick={() => void save()}>
            Save new version
          </Button>
        </div>
      </header>
      <PermissionNote permission={mayEdit} />
      <ErrorBox error={saveError} title="Not saved" />
      {general.length ? (
        <div className="alert alert-error" role="alert">
          <ul>
            {general.map((e, i) => (
              <li key={i}>
                <code>{e.path}</code> {e.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <div className="editor-layout">
        <div className="editor-main">
          <Field label="Description" htmlFor="rs-description">
            <textarea id="rs-description" rows={2} value={doc.description ?? ''} readOnly={readOnly} onChange={(e) => setDoc({ ...doc, description: e.target.value })} />
          </Field>
          <h2>Rules</h2>
          <p className="hint">Higher priority fires first; each rule fires at most once per evaluation.</p>
          {doc.rules.map((rule, i) => (
            <RuleCard
              key={i}
              index={i}
              rule={rule}
              readOnly={readOnly}
              pending={pending}
              errorsAt={errorsAt}
              onChange={(c) => updateRule(i, c)}
              onRemove={() => setDoc({ ...doc, rules: doc.rules.filter((_, j) => j !== i) })}
              onMove={(delta) => {
                const rules = [...doc.rules];
                const [r] = rules.splice(i, 1);
                rules.splice(Math.max(0, Math.min(rules.length, i + delta)), 0, r);
                setDoc({ ...doc, rules });
              }}
            />
          ))}
          {!readOnly ? (
            <Button
              onClick={() =>
                setDoc({
                  ...doc,
                  rules: [...doc.rules, { name: `rule-${doc.rules.length + 1}`, priority: 100, when: 'true', then: [{ type: 'warn', reasonCode: 'other', message: '' }] }],
                })
              }
            >
              + Add rule
            </Button>
          ) : null}
        </div>
        <aside className="editor-side">
          <DryRun name={name} dirty={dirty} />
          <section className="card">
            <h2>Parameters</h2>
            <ul className="plain-list">
              {detail.data.parameters.map((p) => (
                <li key={p.name}>
                  <code>params.{p.name}</code> = <strong>{formatValue(p.value)}</strong> <span className="muted small">({p.type})</span>
                </li>
              ))}
            </ul>
          </section>
        </aside>
      </div>
    </div>
  );
}

/** A code-defined set: its rules are C# in an assembly, shown read-only; thresholds and dry runs work as for any set. */
function CodeDefinedRuleSet({ detail }: { detail: RuleSetDetail }) {
  const rules = [...detail.document.rules].sort((a, b) => b.priority - a.priority);
  return (
    <div className="page page-wide">
      <Crumb name={detail.name} />
      <header className="page-header">
        <div>
          <h1>
            {detail.name} <span className="muted small">v{detail.version}</span> <Badge kind="info">code (NRules)</Badge>
          </h1>
          <p className="muted">
            Written in C# and loaded from <code data-testid="ruleset-source">{detail.source}</code>. Its rules are read-only here; thresholds are changed on the{' '}
            <Link to={`/thresholds?ruleset=${encodeURIComponent(detail.name)}`}>Thresholds</Link> page.
          </p>
          {detail.document.description ? <p>{detail.document.description}</p> : null}
        </div>
      </header>
      <div className="editor-layout">
        <div className="editor-main">
          <h2>Rules</h2>
          <p className="hint">In firing order: higher priority first.</p>
          <table className="table" data-testid="code-rules">
            <caption className="sr-only">Rules of {detail.name}</caption>
            <thead>
              <tr>
                <th scope="col">Rule</th>
                <th scope="col">Priority</th>
                <th scope="col">Description</th>
              </tr>
            </thead>
            <tbody>
              {rules.map((r) => (
                <tr key={r.name} data-rule={r.name}>
                  <td>
                    <code>{r.name}</code>
                  </td>
                  <td>{r.priority}</td>
                  <td>{r.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <aside className="editor-side">
          <DryRun name={detail.name} dirty={false} />
          <section className="card">
            <h2>Parameters</h2>
            <ul className="plain-list">
              {detail.parameters.map((p) => (
                <li key={p.name}>
                  <code>params.{p.name}</code> = <strong>{formatValue(p.value)}</strong> <span className="muted small">({p.type})</span>
                </li>
              ))}
            </ul>
          </section>
        </aside>
      </div>
    </div>
  );
}

function Crumb({ name }: { name: string }) {
  return (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <Link to="/rulesets">Rule sets</Link> <span aria-hidden="true">›</span> <span aria-current="page">{name}</span>
    </nav>
  );
}

function RuleCard({
  index,
  rule,
  readOnly,
  pending,
  errorsAt,
  onChange,
  onRemove,
  onMove,
}: {
  index: number;
  rule: RuleDoc;
  readOnly: boolean;
  pending: boolean;
  errorsAt: (path: string) => FieldError[];
  onChange: (c: Partial<RuleDoc>) => void;
  onRemove: () => void;
  onMove: (delta: number) => void;
}) {
  const path = `$.rules[${index}]`;
  const whenErrors = errorsAt(`${path}.when`);
  const nameErrors = errorsAt(`${path}.name`);
  const id = `rule-${index}`;
  return (
    <section className={`card rule-card${errorsAt(path).length ? ' has-errors' : ''}`} aria-label={`Rule ${rule.name}`} data-rule={rule.name}>
      <div className="rule-head">
        <Field label="Name" htmlFor={`${id}-name`} error={nameErrors.map((e) => e.message).join(' ') || undefined}>
          <input id={`${id}-name`} className="code" value={rule.name} readOnly={readOnly} onChange={(e) => onChange({ name: e.target.value })} />
        </Field>
        <Field label="Priority" htmlFor={`${id}-priority`}>
          <input id={`${id}-priority`} type="number" value={rule.priority} readOnly={readOnly} onChange={(e) => onChange({ priority: Number(e.target.value) })} />
        </Field>
        {!readOnly ? (
          <div className="rule-tools">
            <button type="button" className="icon-btn" aria-label={`Move ${rule.name} up`} onClick={() => onMove(-1)}>
              ↑
            </button>
            <button type="button" className="icon-btn" aria-label={`Move ${rule.name} down`} onClick={() => onMove(1)}>
              ↓
            </button>
            <button type="button" className="icon-btn danger" aria-label={`Remove ${rule.name}`} onClick={onRemove}>
              ×
            </button>
          </div>
        ) : null}
      </div>
      <Field label="Description" htmlFor={`${id}-description`}>
        <input id={`${id}-description`} value={rule.description ?? ''} readOnly={readOnly} onChange={(e) => onChange({ description: e.target.value })} />
      </Field>
      <ExpressionField
        id={`${id}-when`}
        label="When"
        value={rule.when}
        readOnly={readOnly}
        onChange={(v) => onChange({ when: v })}
        external={{ errors: whenErrors.map((e) => ({ line: e.line, column: e.column, message: e.message })), pending }}
      />
      <fieldset className="actions-list">
        <legend>Then</legend>
        {rule.then.map((action, j) => (
          <ActionRow
            key={j}
            id={`${id}-then-${j}`}
            action={action}
            readOnly={readOnly}
            errors={errorsAt(`${path}.then[${j}]`)}
            onChange={(a) => onChange({ then: rule.then.map((x, k) => (k === j ? a : x)) })}
            onRemove={() => onChange({ then: rule.then.filter((_, k) => k !== j) })}
          />
        ))}
        {!readOnly ? (
          <Button className="btn-small btn-ghost" onClick={() => onChange({ then: [...rule.then, { type: 'halt' }] })}>
            + Action
          </Button>
        ) : null}
      </fieldset>
    </section>
  );
}

function ActionRow({ id, action, readOnly, errors, onChange, onRemove }: { id: string; action: RuleAction; readOnly: boolean; errors: FieldError[]; onChange: (a: RuleAction) => void; onRemove: () => void }) {
  const t = action.type;
  return (
    <div className="action-row">
      <div className="action-fields">
        <Field label="Action" htmlFor={`${id}-type`}>
          <select id={`${id}-type`} value={t} disabled={readOnly} onChange={(e) => onChange(clean({ ...action, type: e.target.value }))}>
            {ACTION_TYPES.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </Field>
        {t === 'suspend' || t === 'review' || t === 'warn' ? (
          <>
            <Field label="Reason code" htmlFor={`${id}-code`}>
              <select id={`${id}-code`} value={action.reasonCode ?? ''} disabled={readOnly} onChange={(e) => onChange({ ...action, reasonCode: e.target.value })}>
                <option value="">Choose…</option>
                {REASON_CODES.map((r) => (
                  <option key={r.code} value={r.code}>
                    {r.code}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="Message" htmlFor={`${id}-message`} hint="May include {expressions}.">
              <input id={`${id}-message`} value={action.message ?? ''} readOnly={readOnly} onChange={(e) => onChange({ ...action, message: e.target.value })} />
            </Field>
          </>
        ) : null}
        {t === 'assert' ? (
          <>
            <Field label="Fact" htmlFor={`${id}-fact`}>
              <input id={`${id}-fact`} className="code" value={action.fact ?? ''} readOnly={readOnly} onChange={(e) => onChange({ ...action, fact: e.target.value })} />
            </Field>
            <Field label="Value" htmlFor={`${id}-value`}>
              <input id={`${id}-value`} className="code" value={action.value ?? ''} readOnly={readOnly} onChange={(e) => onChange({ ...action, value: e.target.value })} />
            </Field>
          </>
        ) : null}
        {!readOnly ? (
          <button type="button" className="icon-btn danger" aria-label="Remove this action" onClick={onRemove}>
            ×
          </button>
        ) : null}
      </div>
      {errors.map((e, i) => (
        <div key={i} className="field-error">
          {e.message}
          {e.line ? ` (line ${e.line}, column ${e.column ?? 1})` : ''}
        </div>
      ))}
    </div>
  );
}

function clean(a: RuleAction): RuleAction {
  if (a.type === 'halt') return { type: 'halt' };
  if (a.type === 'assert') return { type: 'assert', fact: a.fact ?? '', value: a.value ?? '' };
  return { type: a.type, reasonCode: a.reasonCode ?? '', message: a.message ?? '' };
}

interface Explanation {
  rules: Array<{ rule: string; priority: number; fired: boolean; firingOrder?: number | null; result?: boolean | null; terms: Array<{ expression: string; value: unknown; evaluated: boolean }>; skippedBecause?: string | null }>;
  facts: Array<{ name: string; value: unknown }>;
}

interface DryRunResult {
  ruleSet: string;
  version: number;
  customerId?: string;
  decision: { outcome: string; reasonCode?: string | null; message?: string | null; firedRules: Array<{ rule: string }>; explanation?: Explanation | null };
}

function DryRun({ name, dirty }: { name: string; dirty: boolean }) {
  const session = useSession();
  const permission = session.can('evaluateRuleSets');
  const [customerId, setCustomerId] = useState('');
  const [result, setResult] = useState<DryRunResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const customers = useLoad(() => api.get<Customer[]>('/api/customers' + query({ search: customerId, limit: 20 })), [customerId]);
  const options = useMemo(() => customers.data ?? [], [customers.data]);

  async function run() {
    if (!customerId.trim()) return;
    setBusy(true);
    setError(null);
    try {
      setResult(await api.post<DryRunResult>(`/api/rulesets/${enc(name)}/evaluate`, { customerId: customerId.trim() }));
    } catch (e) {
      setResult(null);
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card dry-run" aria-labelledby="dry-run-title">
      <h2 id="dry-run-title">Dry run</h2>
      <p className="hint">Evaluates the saved version against a stored customer. Nothing changes.{dirty ? ' Save first to try your changes.' : ''}</p>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <Field label="Customer" htmlFor="dry-run-customer">
          <input id="dry-run-customer" list="dry-run-customers" value={customerId} placeholder="Customer id" onChange={(e) => setCustomerId(e.target.value)} />
          <datalist id="dry-run-customers">
            {options.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </datalist>
        </Field>
        <Button type="submit" variant="primary" permission={permission} disabled={!customerId.trim()} busy={busy}>
          Evaluate
        </Button>
      </form>
      <ErrorBox error={error} />
      {result ? (
        <div className="dry-run-result" data-testid="dry-run-result">
          <p className="decision">
            Decision: <StatusBadge status={result.decision.outcome} />
            {result.decision.reasonCode ? <Badge kind="muted">{result.decision.reasonCode}</Badge> : null}
          </p>
          {result.decision.message ? <p className="small">{result.decision.message}</p> : null}
          {result.decision.explanation ? (
            <>
              <ol className="explanation">
                {result.decision.explanation.rules.map((r) => (
                  <li key={r.rule} className={r.fired ? 'fired' : 'not-fired'}>
                    <div>
                      <strong>{r.rule}</strong> <span className="muted small">priority {r.priority}</span>{' '}
                      {r.fired ? <Badge kind="ok">fired #{r.firingOrder}</Badge> : <Badge kind="muted">did not fire</Badge>}
                    </div>
                    {r.skippedBecause ? <div className="small muted">{r.skippedBecause}</div> : null}
                    {r.terms.length ? (
                      <ul className="terms">
                        {r.terms.map((t, i) => (
                          <li key={i} className={t.evaluated ? '' : 'muted'}>
                            <code>{t.expression}</code> = <code>{t.evaluated ? formatValue(t.value) : 'not evaluated'}</code>
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </li>
                ))}
              </ol>
              {result.decision.explanation.facts.length ? (
                <>
                  <h3>Derived facts</h3>
                  <ul className="terms">
                    {result.decision.explanation.facts.map((f) => (
                      <li key={f.name}>
                        <code>facts.{f.name}</code> = <code>{formatValue(f.value)}</code>
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
