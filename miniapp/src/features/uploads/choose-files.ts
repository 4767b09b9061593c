import Taro from '@tarojs/taro';

export type ChosenFile = { path: string; name: string };

/**
 * PDF files to attach: from a WeChat chat in the mini-program (chooseMessageFile, where office staff
 * keep their documents), from the computer's disk in the browser build.
 */
export async function choosePdfs(count: number): Promise<ChosenFile[]> {
  if (process.env.TARO_ENV === 'h5') return pickInBrowser(count);
  const res = await Taro.chooseMessageFile({ count, type: 'file', extension: ['pdf'] });
  return res.tempFiles.map((f) => ({ path: f.path, name: f.name }));
}

function pickInBrowser(count: number): Promise<ChosenFile[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = 'application/pdf';
    input.multiple = count > 1;
    input.onchange = () =>
      resolve(
        Array.from(input.files ?? [])
          .slice(0, count)
          .map((f) => ({ path: URL.createObjectURL(f), name: f.name })),
      );
    input.click();
  });
}
