import { createSimulator } from './app.js';

/** SIM_APPS: "appid:secret[,appid:secret…]" — the mini-programs this twin of WeChat knows. */
function parseApps(raw: string | undefined) {
  if (!raw) {
    process.stderr.write('SIM_APPS is missing (format: appid:secret[,appid:secret])\n');
    process.exit(78);
  }
  return raw.split(',').map((pair) => {
    const [appid, secret] = pair.split(':');
    if (!appid || !secret) {
      process.stderr.write(`SIM_APPS entry "${pair}" is not appid:secret\n`);
      process.exit(78);
    }
    return { appid, secret };
  });
}

const port = Number(process.env.SIM_PORT ?? 3900);
const host = process.env.SIM_HOST ?? '127.0.0.1';
// SIM_CORS_ORIGIN: the H5 dev origin, the only web page allowed to call the simulator across origins.
const corsOrigins = process.env.SIM_CORS_ORIGIN ? [process.env.SIM_CORS_ORIGIN] : [];
const { app } = createSimulator(parseApps(process.env.SIM_APPS), { corsOrigins });
const server = app.listen(port, host, () => {
  process.stdout.write(`${JSON.stringify({ svc: 'wechat-sim', msg: 'WeChat simulator listening', port })}\n`);
});
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
