import { beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import exifReader from 'exif-reader';
import { useHarness } from './support/use-harness.js';
import { heicHeader, multipart, phonePhoto } from './support/images.js';

/** Photos: accepted by content, stripped of EXIF/GPS, served only to who may see them. */
const h = useHarness();
let owner: string;
let neighbour: string;

beforeAll(async () => {
  owner = await h.loginAs('o_photographer');
  neighbour = await h.loginAs('o_neighbour');
});

const upload = (token: string, file: Buffer, opts: Parameters<typeof multipart>[1] = {}) => {
  const { body, contentType } = multipart(file, opts);
  return h.call('POST', '/api/uploads', { token, raw: body, headers: { 'content-type': contentType } });
};
const fetchFile = async (url: string) => fetch(url.startsWith('/') ? `${h.url}${url}` : url);

describe('POST /api/uploads', () => {
  it('re-encodes a phone photo without its EXIF and GPS, and makes a ~400 px WebP thumbnail', async () => {
    const photo = await phonePhoto();
    expect(exifReader((await sharp(photo).metadata()).exif!).GPSInfo).toMatchObject({ GPSLatitudeRef: 'N' });
    const res = await upload(owner, photo);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ contentType: 'image/jpeg', width: 1200, height: 900, claimed: false });
    const stored = Buffer.from(await (await fetchFile(res.body.url)).arrayBuffer());
    const meta = await sharp(stored).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.exif).toBeUndefined();
    const thumb = await fetchFile(res.body.thumbUrl);
    expect(thumb.headers.get('content-type')).toBe('image/webp');
    expect((await sharp(Buffer.from(await thumb.arrayBuffer())).metadata()).width).toBe(400);
  });

  it('judges by content: a text file named .jpg is refused with 415, a PNG sent as image/jpeg is a PNG', async () => {
    const text = await upload(owner, Buffer.from('not a photo at all, just text\n'.repeat(50)), {
      filename: 'holiday.jpg',
      type: 'image/jpeg',
    });
    expect([text.status, text.body.code]).toEqual([415, 'IMAGE_TYPE_UNSUPPORTED']);
    const png = await sharp({ create: { width: 50, height: 50, channels: 3, background: 'blue' } })
      .png()
      .toBuffer();
    const res = await upload(owner, png, { filename: 'x.jpg', type: 'image/jpeg' });
    expect([res.status, res.body.contentType]).toEqual([201, 'image/png']);
  });

  it('refuses HEIC with a message that says what to do', async () => {
    const res = await upload(owner, heicHeader(), { filename: 'IMG_0001.HEIC', type: 'image/heic' });
    expect([res.status, res.body.code]).toEqual([415, 'IMAGE_HEIC_UNSUPPORTED']);
    expect(res.body.message).toMatch(/HEIC.*兼容/);
  });

  it('refuses 11 MB with 413, and a JSON body or a missing file with 4xx', async () => {
    const big = Buffer.concat([await phonePhoto({ width: 64, height: 64 }), Buffer.alloc(11 * 1024 * 1024, 7)]);
    const res = await upload(owner, big);
    expect([res.status, res.body.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    expect(await h.db.upload.count({ where: { bytes: { gt: 10 * 1024 * 1024 } } })).toBe(0);
    const json = await h.call('POST', '/api/uploads', { token: owner, body: { file: 'x' } });
    expect(json.status).toBe(415);
    const wrongField = await upload(owner, await phonePhoto({ width: 32, height: 32 }), { name: 'image' });
    expect([wrongField.status, wrongField.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const anonymous = multipart(Buffer.from('x'));
    expect(
      (
        await h.call('POST', '/api/uploads', {
          raw: anonymous.body,
          headers: { 'content-type': anonymous.contentType },
        })
      ).status,
    ).toBe(401);
  });
});

describe('who sees a photo', () => {
  it('its uploader; another resident gets "not found", and a URL with a forged or expired signature serves nothing', async () => {
    const res = await upload(owner, await phonePhoto({ width: 300, height: 200 }));
    expect((await h.call('GET', `/api/uploads/${res.body.id}`, { token: owner })).status).toBe(200);
    const other = await h.call('GET', `/api/uploads/${res.body.id}`, { token: neighbour });
    expect([other.status, other.body.code]).toEqual([404, 'NOT_FOUND']);
    const url = new URL(res.body.url, h.url);
    expect((await fetch(url)).status).toBe(200);
    const forged = new URL(url);
    forged.searchParams.set('sig', 'A'.repeat(43));
    expect((await fetch(forged)).status).toBe(404);
    const extended = new URL(url);
    extended.searchParams.set('expires', String(Number(url.searchParams.get('expires')) + 3600));
    expect((await fetch(extended)).status).toBe(404);
    const unsigned = new URL(url.pathname, h.url);
    expect((await fetch(unsigned)).status).toBe(400);
  });

  it('once claimed by a record, the uploader alone can no longer claim it twice', async () => {
    const { claimUploads } = await import('../bff/src/uploads/claim-uploads.js');
    const res = await upload(owner, await phonePhoto({ width: 100, height: 100 }));
    const me = await h.call('GET', '/api/me', { token: owner });
    const claim = (uploaderId: string) =>
      h.db.$transaction((tx) =>
        claimUploads(tx, {
          uploaderId,
          ids: [res.body.id],
          kind: 'test',
          recordId: crypto.randomUUID(),
          now: h.deps.clock.now(),
        }),
      );
    const them = await h.call('GET', '/api/me', { token: neighbour });
    await expect(claim(them.body.id)).rejects.toThrow('照片不存在');
    await claim(me.body.id);
    await expect(claim(me.body.id)).rejects.toThrow('照片不存在');
  });
});

describe('PDF attachments', () => {
  it('are accepted from staff by content, kept as sent with their name, and downloaded rather than shown', async () => {
    const { staff } = await import('./support/actors.js');
    const { makeCommunity } = await import('./support/factories/index.js');
    const site = await makeCommunity(h.db, { units: 1 });
    const manager = await staff(h, 'MANAGER', { id: site.community.id, companyId: site.companyId });
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    const { body, contentType } = multipart(pdf, { filename: '../../2026年收费标准.pdf', type: 'application/pdf' });
    const res = await manager.call('POST', '/api/uploads', { raw: body, headers: { 'content-type': contentType } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      kind: 'file',
      contentType: 'application/pdf',
      filename: '2026年收费标准.pdf',
      thumbUrl: null,
      width: null,
    });
    const file = await fetch(`${h.url}${res.body.url}`);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(Buffer.from(await file.arrayBuffer()).equals(pdf)).toBe(true);
    // A resident's upload is a photo or nothing; a text file called .pdf is nobody's PDF.
    const fromResident = await upload(owner, pdf, { filename: 'a.pdf', type: 'application/pdf' });
    expect([fromResident.status, fromResident.body.code]).toEqual([415, 'IMAGE_TYPE_UNSUPPORTED']);
    const fake = multipart(Buffer.from('just text'), { filename: 'fake.pdf', type: 'application/pdf' });
    expect(
      (await manager.call('POST', '/api/uploads', { raw: fake.body, headers: { 'content-type': fake.contentType } }))
        .status,
    ).toBe(415);
  });
});
