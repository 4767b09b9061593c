import sharp from 'sharp';

/** A photo as a phone takes it: noise (so it compresses like one), EXIF with the camera and GPS. */
export async function phonePhoto(opts: { width?: number; height?: number; gps?: boolean } = {}): Promise<Buffer> {
  const width = opts.width ?? 1200;
  const height = opts.height ?? 900;
  const image = sharp({
    create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } },
  }).jpeg({ quality: 90 });
  return opts.gps === false
    ? image.toBuffer()
    : image
        .withExif({
          IFD0: { Make: 'TestPhone', Model: 'X1' },
          IFD3: {
            GPSLatitudeRef: 'N',
            GPSLatitude: '31/1 13/1 4/1',
            GPSLongitudeRef: 'E',
            GPSLongitude: '121/1 28/1 0/1',
          },
        })
        .toBuffer();
}

/** The first bytes of an iPhone HEIC file: enough for content sniffing to know it. */
export function heicHeader(): Buffer {
  return Buffer.concat([
    Buffer.from([0, 0, 0, 0x18]),
    Buffer.from('ftypheic'),
    Buffer.from([0, 0, 0, 0]),
    Buffer.from('mif1heic'),
    Buffer.alloc(2048),
  ]);
}

/** A multipart body as Taro.uploadFile sends it: one file under `name`. */
export function multipart(file: Buffer, opts: { name?: string; filename?: string; type?: string } = {}) {
  const boundary = `----wyt${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\ncontent-disposition: form-data; name="${opts.name ?? 'file'}"; filename="${opts.filename ?? 'photo.jpg'}"\r\ncontent-type: ${opts.type ?? 'image/jpeg'}\r\n\r\n`,
  );
  return {
    body: Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}
