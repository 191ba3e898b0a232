import { useState, type ReactNode } from 'react';
import { Button, Dialog, ErrorBox, Field, useAction } from './ui';

/**
 * A dialog whose action needs a person's reason (suspend, lift, exempt, complete a task, mend an incident): the
 * reason is required before anything is sent, is sent trimmed, and is cleared once the action is done. Fields the
 * action needs besides the reason go in as children, above it.
 */
export function ReasonDialog({
  open,
  title,
  intro,
  confirm,
  variant = 'primary',
  reasonId,
  reasonLabel = 'Reason',
  cancel = 'Cancel',
  autoFocus,
  children,
  onClose,
  onConfirm,
}: {
  open: boolean;
  title: string;
  intro: ReactNode;
  confirm: string;
  variant?: 'primary' | 'secondary' | 'danger';
  reasonId: string;
  reasonLabel?: string;
  cancel?: string;
  autoFocus?: boolean;
  children?: ReactNode;
  onClose: () => void;
  /** Sends the action with the trimmed reason; what it throws is shown in the dialog, which then stays open. */
  onConfirm: (reason: string) => Promise<void>;
}) {
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const { busy, error, run } = useAction();
  const missing = !reason.trim();

  async function submit() {
    setTouched(true);
    if (missing) return;
    await run(async () => {
      await onConfirm(reason.trim());
      setReason('');
      setTouched(false);
    });
  }

  return (
    <Dialog
      open={open}
      title={title}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{cancel}</Button>
          <Button variant={variant} busy={busy} onClick={submit}>
            {confirm}
          </Button>
        </>
      }
    >
      <p className="muted">{intro}</p>
      {children}
      <Field label={reasonLabel} htmlFor={reasonId} error={touched && missing ? 'A reason is required.' : undefined}>
        <textarea id={reasonId} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus={autoFocus} />
      </Field>
      <ErrorBox error={error} />
    </Dialog>
  );
}
