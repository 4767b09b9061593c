import { Button } from 'tdesign-react';
import { api } from '../api';

/** 导出 Excel / CSV of exactly what the screen shows: the BFF's streamed export with the same filters. */
export function ExportButtons(p: { path: string; query: Record<string, string>; onError: (e: Error) => void }) {
  const get = (format: 'xlsx' | 'csv') =>
    api.download(`${p.path}?${new URLSearchParams({ ...p.query, format })}`).catch(p.onError);
  return (
    <>
      <Button variant="outline" onClick={() => void get('xlsx')}>
        导出 Excel
      </Button>
      <Button variant="outline" onClick={() => void get('csv')}>
        导出 CSV
      </Button>
    </>
  );
}
