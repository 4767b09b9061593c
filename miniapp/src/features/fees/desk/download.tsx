import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '../../../ui';
import { ApiError } from '../../../api/client';
import { storageTokens } from '../../../api/taro-transport';
import { fileUrl } from '../../../session';

/** Export formats a platform can open: WeChat opens .xlsx with its document viewer (not CSV); a browser downloads either. */
export const EXPORT_FORMATS: ('xlsx' | 'csv')[] = process.env.TARO_ENV === 'weapp' ? ['xlsx'] : ['xlsx', 'csv'];

/**
 * Fetches an export with the session (a plain link cannot carry it) and hands it over: in WeChat it
 * opens in the document viewer (share / save from its menu); in a browser it downloads as a file.
 */
export async function downloadExport(path: string, filename: string): Promise<void> {
  const url = fileUrl(path);
  const header = { authorization: `Bearer ${storageTokens.get() ?? ''}` };
  if (process.env.TARO_ENV === 'weapp') {
    const res = await Taro.downloadFile({ url, header });
    if (res.statusCode !== 200) throw new ApiError('HTTP_ERROR', `导出失败（${res.statusCode}）`, res.statusCode);
    await Taro.openDocument({ filePath: res.tempFilePath, fileType: 'xlsx', showMenu: true });
    return;
  }
  const res = await fetch(url, { headers: header });
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { code?: string; message?: string };
    throw new ApiError(body.code ?? 'HTTP_ERROR', body.message ?? `导出失败（${res.status}）`, res.status);
  }
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await res.blob());
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** Export buttons' handler: errors as a toast (the page stays as it is). */
export async function exportWithToast(path: string, filename: string) {
  await Taro.showLoading({ title: '正在导出…' });
  const failure = await downloadExport(path, filename).then(
    () => null,
    (err: Error) => err,
  );
  await Taro.hideLoading();
  if (failure) await Taro.showToast({ title: failure.message, icon: 'none' });
}

/** 导出 Excel (and CSV in a browser) for an export path; `name` is the file's name without extension. */
export function ExportButtons({ path, name, wrap = true }: { path: string; name: string; wrap?: boolean }) {
  const buttons = EXPORT_FORMATS.map((f) => (
    <Button
      key={f}
      size="small"
      onClick={() => void exportWithToast(`${path}${path.includes('?') ? '&' : '?'}format=${f}`, `${name}.${f}`)}
    >
      导出 {f === 'xlsx' ? 'Excel' : 'CSV'}
    </Button>
  ));
  return wrap ? <View className="actions">{buttons}</View> : <>{buttons}</>;
}
