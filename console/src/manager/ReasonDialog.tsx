import { useEffect, useState } from 'react';
import { Dialog, Textarea } from 'tdesign-react';

/**
 * An irreversible step that needs a reason someone else will read (驳回 a binding, 撤回 a notice): the
 * dialog is the question, and its red button stays off until a reason is typed.
 */
export function ReasonDialog(props: {
  open: boolean;
  header: string;
  prompt: string;
  confirm: string;
  min?: number;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}) {
  const [reason, setReason] = useState('');
  useEffect(() => setReason(''), [props.open]);
  return (
    <Dialog
      visible={props.open}
      header={props.header}
      confirmBtn={{ content: props.confirm, theme: 'danger', disabled: reason.trim().length < (props.min ?? 1) }}
      cancelBtn="取消"
      onClose={props.onCancel}
      onConfirm={() => props.onConfirm(reason.trim())}
    >
      <p>{props.prompt}</p>
      <Textarea aria-label={props.prompt} value={reason} onChange={(v) => setReason(String(v))} maxlength={200} />
    </Dialog>
  );
}
