import { useEffect, useId, useRef, useState } from 'react';
import { api, ApiError, type ExpressionCheck } from '../api';

/** Checks an expression with the server as one types (debounced). Errors carry line and column. */
export function useExpressionCheck(expression: string, enabled = true, delay = 350) {
  const [check, setCheck] = useState<ExpressionCheck | null>(null);
  const [pending, setPending] = useState(false);
  const [unavailable, setUnavailable] = useState<string | null>(null);
  const run = useRef(0);
  useEffect(() => {
    if (!enabled || !expression.trim()) {
      setCheck(null);
      setPending(false);
      return;
    }
    const mine = ++run.current;
    setPending(true);
    const timer = setTimeout(() => {
      api.post<ExpressionCheck>('/api/expressions/validate', { expression }).then(
        (result) => {
          if (mine !== run.current) return;
          setCheck({ ...result, errors: result.errors ?? [] });
          setUnavailable(null);
          setPending(false);
        },
        (error) => {
          if (mine !== run.current) return;
          setPending(false);
          if (error instanceof ApiError && error.status === 400 && error.errors.length) {
            setCheck({ valid: false, errors: error.errors.map((e) => ({ line: e.line, column: e.column, message: e.message })) });
          } else {
            setUnavailable(error instanceof ApiError ? error.title : 'The server cannot check expressions now.');
          }
        },
      );
    }, delay);
    return () => clearTimeout(timer);
  }, [expression, enabled, delay]);
  return { check, pending, unavailable };
}

export function ExpressionField({
  id,
  label,
  value,
  onChange,
  readOnly,
  placeholder,
  rows,
  hint,
  onValidity,
  external,
}: {
  id?: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  readOnly?: boolean;
  placeholder?: string;
  rows?: number;
  hint?: string;
  onValidity?: (valid: boolean | null) => void;
  /** Errors found elsewhere (e.g. by the workflow validator, which knows the workflow's variables): no own check. */
  external?: { errors: Array<{ line?: number | null; column?: number | null; message: string }>; pending: boolean };
}) {
  const generated = useId();
  const inputId = id ?? generated;
  const statusId = `${inputId}-status`;
  const own = useExpressionCheck(value, !readOnly && !external);
  const check: ExpressionCheck | null = external
    ? value.trim()
      ? { valid: external.errors.length === 0, errors: external.errors.map((e) => ({ line: e.line ?? undefined, column: e.column ?? undefined, message: e.message })) }
      : null
    : own.check;
  const pending = external ? external.pending : own.pending;
  const unavailable = external ? null : own.unavailable;
  const invalid = check && !check.valid;
  const validity = check ? check.valid : null;
  useEffect(() => {
    onValidity?.(validity);
  }, [validity, onValidity]);
  const lines = value.split('\n');
  return (
    <div className={`field expression-field${invalid ? ' field-invalid' : ''}`}>
      <label htmlFor={inputId}>{label}</label>
      <textarea
        id={inputId}
        className="code"
        value={value}
        spellCheck={false}
        readOnly={readOnly}
        placeholder={placeholder}
        rows={rows ?? Math.min(6, Math.max(2, lines.length))}
        aria-invalid={invalid || undefined}
        aria-describedby={statusId}
        onChange={(e) => onChange(e.target.value)}
      />
      <div id={statusId} className="expression-status" aria-live="polite">
        {readOnly ? null : pending ? (
          <span className="muted">Checking…</span>
        ) : unavailable ? (
          <span className="muted">Not checked: {unavailable}</span>
        ) : check ? (
          check.valid ? (
            <span className="ok-text">✓ Valid{check.type ? ` · ${check.type}` : ''}</span>
          ) : (
            <ul className="expression-errors">
              {check.errors.map((e, i) => (
                <li key={i}>
                  <span className="pos">
                    line {e.line ?? 1}, column {e.column ?? 1}
                  </span>{' '}
                  {e.message}
                  {e.line ? <Caret source={lines[(e.line ?? 1) - 1] ?? ''} column={e.column ?? 1} /> : null}
                </li>
              ))}
            </ul>
          )
        ) : null}
      </div>
      {hint ? <div className="hint">{hint}</div> : null}
    </div>
  );
}

function Caret({ source, column }: { source: string; column: number }) {
  return (
    <pre className="caret" aria-hidden="true">
      {source}
      {'\n'}
      {' '.repeat(Math.max(0, column - 1))}^
    </pre>
  );
}
