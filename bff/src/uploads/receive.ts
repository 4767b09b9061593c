import busboy from 'busboy';
import type { AppContext } from '../http/context.js';
import { AppError } from '../errors.js';

/** The multipart field `Taro.uploadFile({ name: 'file' })` sends. */
export const FILE_FIELD = 'file';

const tooLarge = (maxBytes: number) => new AppError('PAYLOAD_TOO_LARGE', `照片不能超过 ${Math.round(maxBytes / 1024 / 1024)} MB，请压缩后再上传`);

/**
 * Reads the one file of a multipart request into memory, at most `maxBytes`. A declared length over
 * the limit is refused before a byte is read; a body that grows past it is cut off there, and the
 * connection closed instead of reading the rest.
 */
export async function receiveFile(ctx: AppContext, maxBytes: number): Promise<Buffer> {
  if (!ctx.is('multipart/form-data')) throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传照片');
  const declared = ctx.request.length;
  // A little room for the multipart envelope around the file.
  if (declared && declared > maxBytes + 64 * 1024) {
    ctx.set('connection', 'close');
    throw tooLarge(maxBytes);
  }
  return new Promise<Buffer>((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: ctx.req.headers, limits: { files: 1, fileSize: maxBytes, fields: 10, fieldSize: 1024 } });
    } catch {
      return reject(new AppError('VALIDATION_FAILED', '上传请求格式不正确'));
    }
    let file: Buffer | null = null;
    let failed = false;
    const fail = (err: AppError) => {
      if (failed) return;
      failed = true;
      ctx.req.unpipe(parser);
      ctx.set('connection', 'close');
      reject(err);
    };
    parser.on('file', (name, stream) => {
      if (name !== FILE_FIELD) {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('limit', () => fail(tooLarge(maxBytes)));
      stream.on('end', () => {
        if (!failed) file = Buffer.concat(chunks);
      });
    });
    parser.on('error', () => fail(new AppError('VALIDATION_FAILED', '上传请求格式不正确')));
    parser.on('close', () => {
      if (failed) return;
      if (!file || file.length === 0) return reject(new AppError('VALIDATION_FAILED', `请选择要上传的照片（字段名 ${FILE_FIELD}）`));
      resolve(file);
    });
    ctx.req.pipe(parser);
  });
}
