import { createHash } from 'node:crypto';
import Router from '@koa/router';
import sharp from 'sharp';
import { z } from 'zod';
import type { SimState } from '../state.js';
import { tokenApi, wxError } from './reply.js';

/** A code WeChat made: what a phone scanning it opens. */
export type Wxacode = { appid: string; scene: string; page: string; envVersion: string; digest: string; at: number };

/** scene: at most 32 visible characters from this set (docs/wechat.md §6). */
const SCENE_CHARS = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]+$/;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The codes made, by the SHA-256 of their image: a phone "scanning" one is a lookup of its bytes. */
export class WxacodeState {
  readonly byDigest = new Map<string, Wxacode>();
  /** Pages the app has released; null: any page (check_path false is then irrelevant). */
  pages: Set<string> | null = null;
  reset() {
    this.byDigest.clear();
    this.pages = null;
  }
}

/**
 * A picture that looks like a mini-program code: a round badge of dots drawn from the scene's hash
 * (different scenes, different pictures), rendered to JPEG as WeChat answers.
 */
async function drawCode(scene: string, width: number): Promise<Buffer> {
  const bits = createHash('sha512').update(scene).digest();
  const dots: string[] = [];
  const c = width / 2;
  for (let ring = 0; ring < 8; ring++) {
    const radius = c * (0.32 + ring * 0.075);
    const count = 24 + ring * 6;
    for (let i = 0; i < count; i++) {
      const bit = bits[(ring * 37 + i) % bits.length]! >> (i % 8);
      if ((bit & 1) === 0) continue;
      const a = (2 * Math.PI * i) / count;
      dots.push(
        `<circle cx="${(c + radius * Math.cos(a)).toFixed(1)}" cy="${(c + radius * Math.sin(a)).toFixed(1)}" r="${(width / 110).toFixed(1)}" fill="#111"/>`,
      );
    }
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${width}"><rect width="100%" height="100%" fill="#fff"/>${dots.join('')}<circle cx="${c}" cy="${c}" r="${c * 0.26}" fill="#07c160"/><circle cx="${c}" cy="${c}" r="${c * 0.2}" fill="#fff"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

/**
 * POST /wxa/getwxacodeunlimit: the image on success, JSON errors with HTTP 200 otherwise.
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/qrcode-link/qr-code/getUnlimitedQRCode.html
 */
export function wxacodeRoutes(state: SimState) {
  const codes = state.mp.wxacode;
  const router = new Router();

  router.post('/wxa/getwxacodeunlimit', async (ctx) => {
    const appid = tokenApi(state, 'getwxacodeunlimit', ctx);
    if (appid === null) return;
    const b = (ctx.request.body ?? {}) as {
      scene?: unknown;
      page?: unknown;
      check_path?: unknown;
      env_version?: unknown;
      width?: unknown;
    };
    const scene = typeof b.scene === 'string' ? b.scene : '';
    if (scene.length === 0 || scene.length > 32) return void (ctx.body = wxError(40169));
    if (!SCENE_CHARS.test(scene)) return void (ctx.body = wxError(40129));
    const page = b.page === undefined ? 'pages/index/index' : b.page;
    const checkPath = b.check_path !== false;
    if (
      typeof page !== 'string' ||
      page.startsWith('/') ||
      page.includes('?') ||
      (checkPath && codes.pages !== null && !codes.pages.has(page))
    ) {
      return void (ctx.body = wxError(41030));
    }
    const envVersion = b.env_version === undefined ? 'release' : String(b.env_version);
    if (!['release', 'trial', 'develop'].includes(envVersion)) return void (ctx.body = wxError(40097));
    const width = typeof b.width === 'number' ? Math.min(1280, Math.max(280, Math.round(b.width))) : 430;
    const image = await drawCode(scene, width);
    codes.byDigest.set(sha256(image), { appid, scene, page, envVersion, digest: sha256(image), at: state.now() });
    ctx.type = 'image/jpeg';
    ctx.body = image;
  });

  /** Released pages (a page not listed answers 41030 unless check_path is false); null: any. */
  router.post('/sim/wxacode/pages', (ctx) => {
    const b = z.object({ pages: z.array(z.string()).nullable() }).parse(ctx.request.body);
    codes.pages = b.pages ? new Set(b.pages) : null;
    ctx.status = 204;
  });

  /**
   * Test-only "scan": a phone pointed at the image. Answers what WeChat then opens — the page, its
   * query with `scene` URL-encoded as the mini-program receives it, launch scene 1047 — or 404 for a
   * picture WeChat never made.
   */
  router.post('/sim/wxacode/scan', (ctx) => {
    const b = z.object({ imageBase64: z.string().min(1) }).parse(ctx.request.body);
    const code = codes.byDigest.get(sha256(Buffer.from(b.imageBase64, 'base64')));
    if (!code) return void ((ctx.status = 404), (ctx.body = { error: 'not a mini-program code this simulator made' }));
    const query = { scene: encodeURIComponent(code.scene) };
    ctx.body = {
      appid: code.appid,
      page: code.page,
      query,
      launchScene: 1047,
      path: `/${code.page}?scene=${encodeURIComponent(query.scene)}`,
    };
  });
  return router;
}
