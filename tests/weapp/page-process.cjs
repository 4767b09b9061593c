/**
 * One mini-program in one process, as WeChat's own component framework runs it (docs/weapp-tests.md).
 *
 * Loads the weapp build (`miniapp/dist`) under the globals WeChat's logic layer defines (`App`, `Page`,
 * `getApp`, `getCurrentPages`, `wx`) over jsdom, with `miniprogram-simulate`/`j-component` turning
 * each `Page(config)` into a `miniprogram-exparser` component whose template is the page's WXML
 * compiled by WeChat's `wcc`. Taro's app object is process-wide, so a process runs one app; the parent
 * (tests/weapp/pages.ts) sends commands over IPC and gets JSON answers.
 *
 * What the parent can read back: errors (uncaught, unhandled rejections, console.error), WeChat's
 * template-runtime warnings (`WXMLRT_…`), the largest `setData` payload, every call of a `wx` API the
 * twin answers (navigation, payment, uploads), and the page's text and nodes.
 */
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose: miniprogram-simulate
   runs the build's page scripts with require(), in this process's module system. */
const { readFileSync, existsSync } = require('node:fs');
const { join } = require('node:path');
const { JSDOM } = require('jsdom');

const DIST = process.env.WEAPP_DIST || join(__dirname, '../../miniapp/dist');
const BAKED_API_BASE = 'http://127.0.0.1:3000'; // miniapp/config/index.ts: API_BASE of the weapp build
const API_BASE = process.env.WEAPP_API_BASE || BAKED_API_BASE;
const SIM_BASE = process.env.WEAPP_SIM_BASE || '';
const SIM_OPENID = process.env.WEAPP_SIM_OPENID || '';

const report = {
  errors: [],
  warnings: [],
  maxSetDataBytes: 0,
  calls: [], // { api, args } of the wx APIs a test looks at
};

// ---- the console and process: every error is the page's error ------------------------------------
const text = (args) =>
  args
    .map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : typeof a === 'string' ? a : safeJson(a)))
    .join(' ');
function safeJson(v) {
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}
console.warn = (...args) => {
  report.warnings.push(text(args));
};
console.error = (...args) => report.errors.push(text(args));
console.log = () => {};
console.info = () => {};
console.debug = () => {};
process.on('uncaughtException', (e) => report.errors.push(`uncaught: ${e && e.stack ? e.stack : String(e)}`));
process.on('unhandledRejection', (e) =>
  report.errors.push(`unhandled rejection: ${e && e.stack ? e.stack : safeJson(e)}`),
);

// ---- jsdom: the view layer exparser renders into -----------------------------------------------
const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', { pretendToBeVisual: true });
const w = dom.window;
for (const name of ['window', 'document', 'Element', 'Node', 'HTMLElement', 'CustomEvent', 'TouchEvent', 'navigator']) {
  Object.defineProperty(globalThis, name, {
    value: name === 'window' ? w : w[name],
    configurable: true,
    writable: true,
  });
}
globalThis.Event = w.Event;
globalThis.getComputedStyle = w.getComputedStyle.bind(w);

// ---- wx: simulate's API surface, with the calls that reach a server answered for real ------------
const storage = new Map();
let inFlight = 0; // requests and uploads under way
let lastActivity = Date.now(); // the last answer or setData, or the open or event that starts the page's work
const wxOwn = {
  // The scene WeChat reports for how the app was entered (docs/wechat.md §6): 1001 unless a test opens
  // a page as a camera scan (1047) or a forwarded picture would.
  getEnterOptionsSync: () => ({ path: currentRoute, query: currentQuery, scene: currentScene }),
  getLaunchOptionsSync: () => ({ path: currentRoute, query: currentQuery, scene: currentScene }),
  getStorageSync: (k) => (storage.has(k) ? storage.get(k) : ''),
  setStorageSync: (k, v) => void storage.set(k, v),
  removeStorageSync: (k) => void storage.delete(k),
  clearStorageSync: () => storage.clear(),
  getStorage: (o) => asyncAnswer('getStorage', o, storage.has(o.key) ? { data: storage.get(o.key) } : null),
  setStorage: (o) => (storage.set(o.key, o.data), asyncAnswer('setStorage', o, {})),
  removeStorage: (o) => (storage.delete(o.key), asyncAnswer('removeStorage', o, {})),
  request: (o) => httpRequest(o),
  uploadFile: (o) => uploadFile(o),
  login: (o = {}) => {
    record('login', {});
    // WeChat answers with a one-time code for the phone's user: here, one minted at the simulator.
    return asyncAnswer(
      'login',
      o,
      mintLoginCode().then((code) => ({ code })),
    );
  },
  requestPayment: (o = {}) => {
    const params = { ...o };
    delete params.success;
    delete params.fail;
    delete params.complete;
    record('requestPayment', params);
    // The resident pays in WeChat's sheet: WeChat completes the payment (here: at the simulator,
    // /sim/pay/pay with the prepay id of `package`), then answers the call.
    const pay = async () => {
      if (paymentAnswer !== 'ok') return null;
      const prepayId = String(o.package || '').replace(/^prepay_id=/, '');
      const res = await fetch(`${SIM_BASE}/sim/pay/pay`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ prepayId }),
      });
      if (!res.ok) throw new Error(`the simulator refused the payment: ${res.status} ${await res.text()}`);
      return {};
    };
    return asyncAnswer('requestPayment', o, pay(), 'requestPayment:fail cancel');
  },
  chooseMedia: (o = {}) => {
    record('chooseMedia', { count: o.count });
    const files = chosenFiles.map((f) => ({ tempFilePath: f, size: 1000, fileType: 'image' }));
    return asyncAnswer(
      'chooseMedia',
      o,
      files.length ? { tempFiles: files, type: 'image' } : null,
      'chooseMedia:fail cancel',
    );
  },
  requestSubscribeMessage: (o = {}) => {
    record('requestSubscribeMessage', { tmplIds: o.tmplIds });
    const res = Object.fromEntries((o.tmplIds || []).map((id) => [id, 'accept']));
    return asyncAnswer('requestSubscribeMessage', o, res);
  },
  scanCode: (o = {}) => {
    record('scanCode', {});
    return asyncAnswer('scanCode', o, scanResult, 'scanCode:fail cancel');
  },
  showToast: (o = {}) => (record('showToast', { title: o.title, icon: o.icon }), asyncAnswer('showToast', o, {})),
  showModal: (o = {}) => {
    record('showModal', { title: o.title, content: o.content });
    return asyncAnswer('showModal', o, { confirm: true, cancel: false });
  },
};
let paymentAnswer = 'ok';
let chosenFiles = [];
let scanResult = null;
for (const api of ['navigateTo', 'redirectTo', 'reLaunch', 'switchTab', 'navigateBack']) {
  wxOwn[api] = (o = {}) => {
    record(api, { url: o.url, delta: o.delta });
    return asyncAnswer(api, o, {});
  };
}
function record(api, args) {
  report.calls.push({ api, args });
}
/**
 * WeChat's callback style and, without callbacks, a promise. `res` (or what it resolves to) null
 * answers `fail` with `failMsg`; a rejected `res` answers `fail` with its message.
 */
function asyncAnswer(api, o = {}, res, failMsg) {
  const outcome = Promise.resolve(res).then(
    (r) =>
      r ? { ok: true, done: { errMsg: `${api}:ok`, ...r } } : { ok: false, done: { errMsg: failMsg || `${api}:fail` } },
    (e) => ({ ok: false, done: { errMsg: `${api}:fail ${e && e.message}` } }),
  );
  const later = outcome.then((x) => new Promise((r) => setTimeout(() => r(x), 0)));
  if (o.success || o.fail || o.complete) {
    later.then(({ ok, done }) => {
      if (ok) o.success?.(done);
      else o.fail?.(done);
      o.complete?.(done);
    });
    return undefined;
  }
  return later.then(({ ok, done }) => (ok ? done : Promise.reject(done)));
}
/** A login code for this process's WeChat user, minted at the simulator (its /sim/login-code). */
async function mintLoginCode() {
  if (!SIM_BASE || !SIM_OPENID) throw new Error('no WeChat user for this process');
  inFlight++;
  try {
    const res = await fetch(`${SIM_BASE}/sim/login-code`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ openid: SIM_OPENID }),
    });
    if (!res.ok) throw new Error(`simulator answered ${res.status}`);
    return (await res.json()).code;
  } finally {
    inFlight--;
  }
}
function rewrite(url) {
  return url.startsWith(BAKED_API_BASE) ? API_BASE + url.slice(BAKED_API_BASE.length) : url;
}
/** wx.request over real HTTP: WeChat parses a JSON body into `data` and never fails on a 4xx/5xx. */
function httpRequest(o) {
  const method = (o.method || 'GET').toUpperCase();
  const headers = { ...(o.header || {}) };
  let body;
  if (o.data !== undefined && method !== 'GET') {
    body = typeof o.data === 'string' ? o.data : JSON.stringify(o.data);
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
      headers['content-type'] = 'application/json';
  }
  let url = rewrite(o.url);
  if (method === 'GET' && o.data && typeof o.data === 'object') {
    const u = new URL(url);
    for (const [k, v] of Object.entries(o.data)) if (v !== undefined && v !== null) u.searchParams.set(k, String(v));
    url = u.toString();
  }
  record('request', { method, url: o.url });
  const controller = new AbortController();
  inFlight++;
  fetch(url, { method, headers, body, signal: controller.signal })
    .finally(() => {
      inFlight--;
      lastActivity = Date.now();
    })
    .then(async (res) => {
      const raw = o.responseType === 'arraybuffer' ? await res.arrayBuffer() : await res.text();
      let data = raw;
      if (o.responseType !== 'arraybuffer' && (o.dataType || 'json') === 'json') {
        try {
          data = JSON.parse(raw);
        } catch {
          data = raw;
        }
      }
      const done = { errMsg: 'request:ok', data, statusCode: res.status, header: Object.fromEntries(res.headers) };
      o.success?.(done);
      o.complete?.(done);
    })
    .catch((e) => {
      const done = { errMsg: `request:fail ${e.message}` };
      o.fail?.(done);
      o.complete?.(done);
    });
  return { abort: () => controller.abort(), onHeadersReceived() {}, offHeadersReceived() {} };
}
/** wx.uploadFile: multipart over real HTTP; `data` is the answer's body as a string (WeChat's rule). */
function uploadFile(o) {
  record('uploadFile', { url: o.url, name: o.name });
  const form = new FormData();
  for (const [k, v] of Object.entries(o.formData || {})) form.append(k, String(v));
  const bytes = readFileSync(o.filePath);
  form.append(o.name, new Blob([bytes], { type: 'image/jpeg' }), o.filePath.split('/').pop());
  inFlight++;
  fetch(rewrite(o.url), { method: 'POST', headers: { ...(o.header || {}) }, body: form })
    .finally(() => {
      inFlight--;
      lastActivity = Date.now();
    })
    .then(async (res) => {
      const done = { errMsg: 'uploadFile:ok', data: await res.text(), statusCode: res.status };
      o.success?.(done);
      o.complete?.(done);
    })
    .catch((e) => {
      const done = { errMsg: `uploadFile:fail ${e.message}` };
      o.fail?.(done);
      o.complete?.(done);
    });
  return { abort() {}, onProgressUpdate() {}, offProgressUpdate() {} };
}
globalThis.wx = wxOwn; // miniprogram-simulate adds its own API surface under ours (src/definition.js)

// ---- App / Page / getApp / getCurrentPages -------------------------------------------------------
// wcc's output for the whole build, compiled once by the parent (tests/weapp/weapp.ts) instead of in
// every page's process: simulate asks miniprogram-compiler for it (src/compile.js).
if (process.env.WEAPP_GWX_FILE) {
  const compiler = require('miniprogram-compiler');
  const compiled = readFileSync(process.env.WEAPP_GWX_FILE, 'utf8');
  const wxmlToJs = compiler.wxmlToJs;
  compiler.wxmlToJs = (root, options) => (root === DIST ? compiled : wxmlToJs(root, options));
}
const simulate = require('miniprogram-simulate');
Object.assign(globalThis.wx, wxOwn);
let appConfig = null;
const pageStack = [];
globalThis.App = (config) => {
  appConfig = config;
};
globalThis.getApp = () => appConfig;
globalThis.getCurrentPages = () => pageStack.slice();
let currentRoute = '';
let currentQuery = {};
/**
 * A page as WeChat builds it: a component whose data is the page's, whose methods are the page's
 * functions, and whose lifetimes call onLoad(query)/onShow on attach and onReady when ready.
 */
globalThis.Page = (config) => {
  const methods = {};
  for (const [k, v] of Object.entries(config)) if (typeof v === 'function') methods[k] = v;
  const route = currentRoute;
  const query = currentQuery;
  globalThis.Component({
    data: config.data || {},
    methods,
    lifetimes: {
      attached() {
        this.route = route;
        this.__route__ = route;
        this.options = query;
        const setData = this.setData.bind(this);
        this.setData = function (data, cb) {
          const bytes = Buffer.byteLength(safeJson(data));
          if (bytes > report.maxSetDataBytes) report.maxSetDataBytes = bytes;
          lastActivity = Date.now();
          return setData(data, cb);
        };
        pageStack.push(this);
        if (this.onLoad) this.onLoad(query);
        if (this.onShow) this.onShow();
      },
      ready() {
        if (this.onReady) this.onReady();
      },
      detached() {
        if (this.onUnload) this.onUnload();
      },
    },
  });
};

let launched = false;
function launch() {
  if (launched) return;
  launched = true;
  require(join(DIST, 'app.js'));
  if (!appConfig) throw new Error('app.js did not call App()');
  appConfig.onLaunch?.({ path: currentRoute, query: currentQuery, scene: currentScene });
  appConfig.onShow?.({ path: currentRoute, query: currentQuery, scene: currentScene });
}

let page = null;
const pageIds = new Map();
let currentScene = 1001;
function open(route, query = {}, scene = 1001) {
  currentRoute = route;
  currentQuery = query;
  currentScene = scene;
  if (!existsSync(join(DIST, `${route}.js`))) throw new Error(`no page ${route} in the build`);
  launch();
  if (page) {
    pageStack.pop();
    page.detach();
  }
  // A page's script runs once per app, as in WeChat (webpack would not run its chunk again): the
  // same page opened again is a new instance of the component it registered.
  if (!pageIds.has(route)) pageIds.set(route, simulate.load(join(DIST, route), { rootPath: DIST }));
  const id = pageIds.get(route);
  page = simulate.render(id);
  const parent = w.document.createElement('div');
  w.document.body.appendChild(parent);
  page.attach(parent);
  // settle() waits for quiet from here: React renders the page (and sends its first request) a task or
  // more later, and loading the app and the page can take longer than the quiet period on its own.
  lastActivity = Date.now();
}

// ---- reading and driving the rendered page -------------------------------------------------------
function pageText() {
  return page ? page.dom.textContent.replace(/\s+/g, ' ').trim() : '';
}
/** Every DOM element in the page's shadow trees (exparser renders them into page.dom). */
function allElements() {
  return page ? Array.from(page.dom.querySelectorAll('*')) : [];
}
function findByText(wanted, selector) {
  const matches = allElements().filter(
    (el) => (!selector || el.matches(selector)) && el.textContent.replace(/\s+/g, ' ').trim() === wanted,
  );
  return matches.length ? matches[matches.length - 1] : null;
}
function wxElement(el) {
  // exparser keeps its element on the DOM node it renders
  let node = el;
  while (node && !node.__wxElement) node = node.parentNode;
  return node && node.__wxElement;
}
const exparser = require('miniprogram-exparser');
function fire(el, type, detail = {}) {
  const target = wxElement(el);
  if (!target) throw new Error(`no WeChat element behind <${el.tagName.toLowerCase()}>`);
  exparser.Event.dispatchEvent(
    target,
    exparser.Event.create(type, detail, {
      bubbles: true,
      composed: true,
      capturePhase: true,
      extraFields: { touches: [], changedTouches: [] },
    }),
  );
  lastActivity = Date.now(); // as after open(): the handler's work may start a task later
}

const commands = {
  open: ({ route, query, scene }) => open(route, query, scene),
  text: () => pageText(),
  html: () => (page ? page.dom.innerHTML : ''),
  report: () => report,
  settle: async ({ maxMs = 8000 }) => {
    const deadline = Date.now() + maxMs;
    for (;;) {
      await new Promise((r) => setTimeout(r, 50));
      if (inFlight === 0 && Date.now() - lastActivity >= 150) return { settled: true };
      if (Date.now() > deadline) return { settled: false, inFlight, quietMs: Date.now() - lastActivity };
    }
  },
  setPayment: ({ answer }) => void (paymentAnswer = answer),
  setChosenFiles: ({ files }) => void (chosenFiles = files),
  setScanResult: ({ result }) => void (scanResult = result),
  setStorage: ({ key, value }) => void storage.set(key, value),
  getStorage: ({ key }) => storage.get(key),
  count: ({ selector }) => allElements().filter((el) => el.matches(selector)).length,
  tap: ({ text: wanted, selector }) => {
    const el = findByText(wanted, selector);
    if (!el) throw new Error(`nothing reads "${wanted}" on ${currentRoute}: ${pageText().slice(0, 300)}`);
    fire(el, 'tap');
  },
  tapSelector: ({ selector, index = 0 }) => {
    const el = allElements().filter((e) => e.matches(selector))[index];
    if (!el) throw new Error(`no ${selector} on ${currentRoute}`);
    fire(el, 'tap');
  },
  input: ({ selector, index = 0, value }) => {
    const el = allElements().filter((e) => e.matches(selector))[index];
    if (!el) throw new Error(`no ${selector} on ${currentRoute}`);
    fire(el, 'input', { value, cursor: String(value).length, keyCode: 0 });
  },
  event: ({ selector, index = 0, type, detail }) => {
    const el = allElements().filter((e) => e.matches(selector))[index];
    if (!el) throw new Error(`no ${selector} on ${currentRoute}`);
    fire(el, type, detail);
  },
};

process.on('message', async (msg) => {
  const { id, cmd, args } = msg;
  try {
    const value = await commands[cmd](args || {});
    process.send({ id, ok: true, value: value === undefined ? null : value });
  } catch (e) {
    process.send({ id, ok: false, error: e && e.stack ? e.stack : String(e) });
  }
});
process.send({ ready: true });
