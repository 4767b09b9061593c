import busboy from 'busboy';
import type { AppContext } from '../http/context.js';
import { AppError } from '../errors.js';

/** The multipart field `Taro.uploadFile({ name: 'file' })` sends. */
export const FILE_FIELD = 'file';

const tooLarge = (maxBytes: number, what: string) =>
  new AppError('PAYLOAD_TOO_LARGE', `${what}不能超过 ${Math.round(maxBytes / 1024 / 1024)} MB，请压缩后再上传`);

/**
 * Reads the one file of a multipart request into memory, at most `maxBytes`. A declared length over
 * the limit is refused before a byte is read; a body that grows past it is cut off there, and the
 * connection closed instead of reading the rest.
 */
export async function receiveFile(
  ctx: AppContext,
  maxBytes: number,
  what = '照片',
): Promise<{ body: Buffer; filename: string | null }> {
  if (!ctx.is('multipart/form-data'))
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `请以 multipart/form-data 上传${what}`);
  const declared = ctx.request.length;
  // A little room for the multipart envelope around the file.
  if (declared && declared > maxBytes + 64 * 1024) {
    ctx.set('connection', 'close');
    throw tooLarge(maxBytes, what);
  }
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      // Phones send file names as raw UTF-8, not RFC 2231: read them so.
      parser = busboy({
        headers: ctx.req.headers,
        defParamCharset: 'utf8',
        limits: { files: 1, fileSize: maxBytes, fields: 10, fieldSize: 1024 },
      });
    } catch {
      return reject(new AppError('VALIDATION_FAILED', '上传请求格式不正确'));
    }
    let file: Buffer | null = null;
    let filename: string | null = null;
    let failed = false;
    const fail = (err: AppError) => {
      if (failed) return;
      failed = true;
      ctx.req.unpipe(parser);
      ctx.set('connection', 'close');
      reject(err);
    };
    parser.on('file', (name, stream, info) => {
      if (name !== FILE_FIELD) {
        stream.resume();
        return;
      }
      filename = cleanFilename(info.filename);
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('limit', () => fail(tooLarge(maxBytes, what)));
      stream.on('end', () => {
        if (!failed) file = Buffer.concat(chunks);
      });
    });
    // Taro.uploadFile in WeChat sends a temporary file name; the real one comes as a field.
    let namedField: string | null = null;
    parser.on('field', (name, value) => {
      if (name === 'filename') namedField = cleanFilename(value);
    });
    parser.on('error', () => fail(new AppError('VALIDATION_FAILED', '上传请求格式不正确')));
    parser.on('close', () => {
      if (failed) return;
      if (!file || file.length === 0)
        return reject(new AppError('VALIDATION_FAILED', `请选择要上传的${what}（字段名 ${FILE_FIELD}）`));
      resolve({ body: file, filename: namedField ?? filename });
    });
    ctx.req.pipe(parser);
  });
}

/** The base name only, printable, at most 100 characters: shown to people, never used as a path. */
function cleanFilename(raw: string | undefined): string | null {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
  const clean = Array.from(base.replace(/[\u0000-\u001f\u007f]/g, '').trim())
    .slice(0, 100)
    .join('');
  return clean || null;
}
