import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { AppError } from '../errors.js';

const ACCEPTED = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/avif': 'avif',
} as const;
type Accepted = keyof typeof ACCEPTED;

/** Longest edge kept: a phone photo shrinks to what any screen shows, and storage stays bounded. */
const MAX_EDGE = 2560;
const THUMB_WIDTH = 400;
/** Decompression bombs stop here (a 12-megapixel photo is 12 M). */
const MAX_INPUT_PIXELS = 50_000_000;

export type ProcessedImage = {
  contentType: Accepted;
  ext: string;
  body: Buffer;
  thumb: Buffer;
  width: number;
  height: number;
};
export type ProcessedFile = {
  contentType: 'application/pdf';
  ext: 'pdf';
  body: Buffer;
  thumb: null;
  width: null;
  height: null;
};

/**
 * Accepts JPEG, PNG, WebP and AVIF by their content — never by name or declared type — and re-encodes
 * them, which drops EXIF and GPS (residents photograph their homes; the location must not leak).
 * HEIC cannot be decoded here (sharp's binaries have no HEVC), so it is refused with what to do.
 * With `allowPdf`, a PDF (by content) is kept as sent: an attachment such as a fee schedule.
 */
export async function processUpload(
  input: Buffer,
  opts: { allowPdf: boolean },
): Promise<ProcessedImage | ProcessedFile> {
  const type = await fileTypeFromBuffer(input);
  if (type?.mime === 'application/pdf' && opts.allowPdf)
    return { contentType: 'application/pdf', ext: 'pdf', body: input, thumb: null, width: null, height: null };
  if (
    type &&
    (type.mime === 'image/heic' ||
      type.mime === 'image/heif' ||
      type.mime === 'image/heic-sequence' ||
      type.mime === 'image/heif-sequence')
  ) {
    throw new AppError(
      'IMAGE_HEIC_UNSUPPORTED',
      '暂不支持 HEIC 格式的照片：请在相机设置中选择“兼容性最佳”，或用微信重新选择照片后上传',
    );
  }
  if (!type || !(type.mime in ACCEPTED)) {
    throw new AppError(
      'IMAGE_TYPE_UNSUPPORTED',
      opts.allowPdf
        ? '只能上传 JPEG、PNG、WebP、AVIF 格式的照片或 PDF 文件'
        : '只能上传 JPEG、PNG、WebP 或 AVIF 格式的照片',
    );
  }
  const contentType = type.mime as Accepted;
  try {
    const source = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).rotate(); // apply EXIF orientation, then forget it
    const resized = source
      .clone()
      .resize({ width: MAX_EDGE, height: MAX_EDGE, fit: 'inside', withoutEnlargement: true });
    const encoded =
      contentType === 'image/jpeg'
        ? resized.jpeg({ quality: 85 })
        : contentType === 'image/png'
          ? resized.png()
          : contentType === 'image/webp'
            ? resized.webp({ quality: 85 })
            : resized.avif({ quality: 60 });
    const [{ data: body, info }, thumb] = await Promise.all([
      encoded.toBuffer({ resolveWithObject: true }),
      source.clone().resize({ width: THUMB_WIDTH, withoutEnlargement: true }).webp({ quality: 75 }).toBuffer(),
    ]);
    return { contentType, ext: ACCEPTED[contentType], body, thumb, width: info.width, height: info.height };
  } catch {
    throw new AppError('IMAGE_UNREADABLE', '照片已损坏或尺寸过大，无法读取，请换一张');
  }
}
