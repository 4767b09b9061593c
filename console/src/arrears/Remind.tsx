import { useState } from 'react';
import { Button } from 'tdesign-react';
import type { ArrearsReminderResult } from '../../../bff/src/api-types';
import { api } from '../api';
import { confirm } from '../lib/confirm';

/**
 * 发送催缴 for the selected units (docs/console.md §Arrears reminders): a confirmation with the count,
 * then one request (the BFF's existing reminders: at most 200 units, one a week per unit), and what
 * came of it — sent, skipped because of last week's reminder, or no longer in arrears.
 */
export function RemindSelected(p: { communityId: string; unitIds: string[]; onDone: () => void }) {
  const [result, setResult] = useState('');
  const [error, setError] = useState('');
  const n = p.unitIds.length;
  async function send() {
    setError('');
    setResult('');
    const sure = await confirm(
      `向 ${n} 户发送催缴？`,
      `将向所选 ${n} 户的业主发送书面催缴通知（缴费期限 15 天），并留作记录；一周内已催缴过的房屋不会重复发送。`,
      `发送 ${n} 户`,
    );
    if (!sure) return;
    try {
      const r = await api.post<ArrearsReminderResult>(`/api/staff/communities/${p.communityId}/arrears/reminders`, {
        unitIds: p.unitIds,
      });
      const count = (o: string) => r.results.filter((x) => x.outcome === o).length;
      setResult(
        `已向 ${count('SENT')} 户发送催缴（缴费期限 ${r.payBy}）` +
          (count('COOLING_DOWN') ? `，${count('COOLING_DOWN')} 户一周内已催缴` : '') +
          (count('NOT_IN_ARREARS') ? `，${count('NOT_IN_ARREARS')} 户已无欠费` : ''),
      );
      p.onDone();
    } catch (e) {
      setError((e as Error).message);
    }
  }
  return (
    <>
      {/* never a disabled button (TDesign greys it below 4.5:1): with nothing chosen it says what to do */}
      <Button
        theme={n > 0 && n <= 200 ? 'primary' : 'default'}
        variant={n > 0 && n <= 200 ? 'base' : 'outline'}
        onClick={() => (n > 0 && n <= 200 ? void send() : setError(n ? '一次最多催缴 200 户' : '请先勾选要催缴的房屋'))}
      >
        {`发送催缴${n ? `（${n} 户）` : ''}`}
      </Button>
      {result && (
        <span role="status" data-testid="remind-result">
          {result}
        </span>
      )}
      {error && (
        <span role="alert" className="wyt-cashier__error">
          {error}
        </span>
      )}
    </>
  );
}
