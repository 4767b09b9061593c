import { createHash, X509Certificate } from 'node:crypto';
import { z } from 'zod';
import type { S3Config } from './storage/s3.js';
import { developmentSettings } from './config-production.js';

/**
 * The one place that reads the environment (docs/conventions.md). Parsed once at start; a bad or missing value
 * stops the process with a list of every problem, not the first one.
 */
const ZConfig = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  /** Loopback unless told otherwise: a development machine should not serve its BFF to the café. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Behind a load balancer, trust its X-Forwarded-For for the client IP (login throttling uses it). */
  TRUST_PROXY: z.enum(['true', 'false', '1', '0']).default('false'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /**
   * On SIGTERM the API serves on this long with `Connection: close` before it stops listening
   * (http/drain.ts): longer than the balancer's upstream keepalive_timeout (deploy/nginx.conf: 4 s).
   * 6 s in production, none elsewhere (a development restart should not wait).
   */
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(60_000).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL'),
  /**
   * `memory://` selects the in-process fallback: single instance only, never for production.
   * `redis-cluster://host:port,host:port` a Redis Cluster (docs/production.md, Redis Cluster).
   */
  REDIS_URL: z
    .string()
    .regex(
      /^(rediss?|memory|rediss?-cluster):\/\//,
      'must be a redis:// URL, redis-cluster://host:port,host:port or memory://',
    ),
  /** No braces: a `{` in the prefix would become every key's hash tag and put all keys in one cluster slot. */
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[^{}]*$/, 'must not contain { or } (they are Redis Cluster hash tags)')
    .default('wyt:'),
  WECHAT_APPID: z.string().min(1),
  WECHAT_SECRET: z.string().min(1),
  WECHAT_API_BASE: z.url().default('https://api.weixin.qq.com'),
  WECHAT_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
  /** Which version of the mini-program a subscribe message opens. */
  WECHAT_MINIPROGRAM_STATE: z.enum(['developer', 'trial', 'formal']).default('formal'),
  SESSION_TTL_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(7 * 24 * 3600),
  /** Absolute lifetime from login: a session is renewed by use, but never beyond this. */
  SESSION_MAX_AGE_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(30 * 24 * 3600),
  /** A desk browser signed in by scanning its code: idle timeout and absolute lifetime (a working day). */
  DESK_SESSION_TTL_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(2 * 3600),
  DESK_SESSION_MAX_AGE_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(12 * 3600),
  /** getUserRiskRank gives 0–4; at or above this rank a login is refused and the user's sessions revoked. */
  WECHAT_RISK_BLOCK_RANK: z.coerce.number().int().min(1).max(5).default(4),
  LOGIN_LIMIT_PER_IP_PER_MINUTE: z.coerce.number().int().positive().default(30),
  LOGIN_LIMIT_PER_SECOND: z.coerce.number().int().positive().default(200),
  BIND_REQUEST_LIMIT_PER_HOUR: z.coerce.number().int().positive().default(10),
  /** Per user: each repair and snapshot is a WeChat text check, each upload ≈ 1 s of CPU (docs/conventions.md, Rate limits). */
  REPAIR_LIMIT_PER_HOUR: z.coerce.number().int().positive().default(10),
  SNAPSHOT_LIMIT_PER_HOUR: z.coerce.number().int().positive().default(10),
  UPLOAD_LIMIT_PER_HOUR: z.coerce.number().int().positive().default(60),
  /** Staff (anyone with a staff role) upload completion photos and notice attachments all day. */
  STAFF_UPLOAD_LIMIT_PER_HOUR: z.coerce.number().int().positive().default(600),
  URGENT_LIMIT_PER_DAY: z.coerce.number().int().positive().default(5),
  /** Requests fail fast (503) instead of queueing while Redis is away. */
  REDIS_COMMAND_TIMEOUT_MS: z.coerce.number().int().positive().default(1000),
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().positive().default(2000),
  /** Worker polling: throughput ≈ batch size ÷ interval per loop (pg-boss's minimum is 0.5 s). */
  JOBS_POLL_SECONDS: z.coerce.number().min(0.5).default(0.5),
  JOBS_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
  /** How often a worker expires dead jobs (their retry starts then) and archives old ones. */
  JOBS_MAINTENANCE_SECONDS: z.coerce.number().int().min(1).default(30),
  /** Uploaded photos: a local folder in development, S3-compatible storage (Tencent COS, MinIO) in production. */
  STORAGE_DRIVER: z.enum(['local', 's3']).default('local'),
  STORAGE_LOCAL_DIR: z.string().min(1).default('.data/uploads'),
  S3_ENDPOINT: z.url().optional(),
  S3_REGION: z.string().min(1).default('ap-shanghai'),
  S3_BUCKET: z.string().min(1).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false', '1', '0']).default('false'),
  /** Signs `/files/…` URLs of the local driver; derived from the AppSecret when not set. */
  FILE_URL_SECRET: z.string().min(16).optional(),
  FILE_URL_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(600),
  /** The Token of the mini-program's message push (消息推送) in the WeChat console; derived from the AppSecret when not set. */
  WECHAT_MESSAGE_TOKEN: z
    .string()
    .regex(/^[A-Za-z0-9]{3,32}$/, 'must be 3–32 letters or digits')
    .optional(),
  /** Where WeChat reaches this BFF (images it must download for checking); http://HOST:PORT when not set. */
  PUBLIC_BASE_URL: z.url().optional(),
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(10 * 1024 * 1024),
  /** WeChat Pay v3 (docs/wechat.md §5). Payments are off while WECHATPAY_MCHID is unset; once set, the keys below are required. */
  WECHATPAY_MCHID: z
    .string()
    .regex(/^\d{8,12}$/, 'must be the 8–12 digit merchant id')
    .optional(),
  WECHATPAY_API_BASE: z.url().default('https://api.mch.weixin.qq.com'),
  /** The serial number of the merchant API certificate (商户API证书序列号). */
  WECHATPAY_MERCHANT_SERIAL: z
    .string()
    .regex(/^[0-9A-Fa-f]{8,64}$/, 'must be the certificate serial in hex')
    .optional(),
  /** The merchant API private key (apiclient_key.pem), as PEM text; "\n" escapes are accepted. */
  WECHATPAY_PRIVATE_KEY: z.string().includes('PRIVATE KEY', { message: 'must be a PEM private key' }).optional(),
  WECHATPAY_APIV3_KEY: z.string().length(32, 'must be the 32-character APIv3 key').optional(),
  /** Public-key mode: the WeChat Pay public key and its id (PUB_KEY_ID_…). */
  WECHATPAY_PUBLIC_KEY_ID: z
    .string()
    .regex(/^PUB_KEY_ID_\w+$/, 'must start with PUB_KEY_ID_')
    .optional(),
  WECHATPAY_PUBLIC_KEY: z.string().includes('PUBLIC KEY', { message: 'must be a PEM public key' }).optional(),
  /** Certificate mode: the platform certificates (PEM, several concatenated), each known by its serial. */
  WECHATPAY_PLATFORM_CERTS: z.string().includes('CERTIFICATE', { message: 'must hold PEM certificates' }).optional(),
  /** The H5 build's development login (demo users minted at the simulator): development builds only. */
  TARO_APP_DEV_LOGIN: z.string().optional(),
  /** Prometheus metrics (docs/production.md): a port of their own, on loopback unless told otherwise. */
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
  WORKER_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9465),
});

export type Config = {
  env: 'development' | 'test' | 'production';
  host: string;
  port: number;
  shutdownDrainMs: number;
  trustProxy: boolean;
  logLevel: string;
  databaseUrl: string;
  databaseConnectTimeoutMs: number;
  redisUrl: string;
  redisKeyPrefix: string;
  redisCommandTimeoutMs: number;
  jobs: { databaseUrl: string; pollSeconds: number; concurrency: number; maintenanceSeconds: number };
  storage: {
    driver: 'local' | 's3';
    localDir: string;
    s3: S3Config | null;
    urlSecret: string | null;
    urlTtlSeconds: number;
    maxUploadBytes: number;
  };
  wechat: {
    appid: string;
    secret: string;
    apiBase: string;
    timeoutMs: number;
    riskBlockRank: number;
    miniprogramState: string;
    messageToken: string;
  };
  publicBaseUrl: string;
  /** Where /metrics is served: the API on `port`, a worker on `workerPort` (loopback by default). */
  metrics: { host: string; port: number; workerPort: number };
  pay: PayConfig | null;
  session: { ttlSeconds: number; maxAgeSeconds: number };
  deskSession: { ttlSeconds: number; maxAgeSeconds: number };
  limits: {
    loginPerIp: { points: number; durationSeconds: number };
    loginGlobal: { points: number; durationSeconds: number };
    bindRequestsPerUser: { points: number; durationSeconds: number };
    repairsPerUser: { points: number; durationSeconds: number };
    snapshotsPerUser: { points: number; durationSeconds: number };
    uploadsPerUser: { points: number; durationSeconds: number };
    staffUploadsPerUser: { points: number; durationSeconds: number };
    urgentPerUser: { points: number; durationSeconds: number };
  };
};

export type PayConfig = {
  mchid: string;
  appid: string;
  apiBase: string;
  merchantSerial: string;
  privateKeyPem: string;
  apiV3Key: string;
  /** Wechatpay-Serial → the key that verifies WeChat's signatures (public-key id and platform certificate serials). */
  verifyKeys: Record<string, string>;
  notifyUrl: string;
  refundNotifyUrl: string;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = ZConfig.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => {
      const key = i.path.join('.');
      return env[key] === undefined || env[key] === '' ? `${key} is missing` : `${key}: ${i.message}`;
    });
    throw new ConfigError(problems);
  }
  const c = parsed.data;
  if (c.NODE_ENV === 'production') {
    const problems = developmentSettings(c);
    if (problems.length) throw new ConfigError(problems);
  }
  if (c.STORAGE_DRIVER === 's3') {
    const missing = (['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const).filter((k) => !c[k]);
    if (missing.length) throw new ConfigError(missing.map((k) => `${k} is missing (STORAGE_DRIVER=s3)`));
  }
  const truthy = (v: string) => v === 'true' || v === '1';
  const publicBaseUrl = (c.PUBLIC_BASE_URL ?? `http://${c.HOST}:${c.PORT}`).replace(/\/$/, '');
  return {
    env: c.NODE_ENV,
    host: c.HOST,
    port: c.PORT,
    shutdownDrainMs: c.SHUTDOWN_DRAIN_MS ?? (c.NODE_ENV === 'production' ? 6000 : 0),
    trustProxy: truthy(c.TRUST_PROXY),
    logLevel: c.LOG_LEVEL,
    databaseUrl: c.DATABASE_URL,
    databaseConnectTimeoutMs: c.DATABASE_CONNECT_TIMEOUT_MS,
    redisUrl: c.REDIS_URL,
    redisKeyPrefix: c.REDIS_KEY_PREFIX,
    redisCommandTimeoutMs: c.REDIS_COMMAND_TIMEOUT_MS,
    storage: {
      driver: c.STORAGE_DRIVER,
      localDir: c.STORAGE_LOCAL_DIR,
      s3:
        c.STORAGE_DRIVER === 's3'
          ? {
              endpoint: c.S3_ENDPOINT,
              region: c.S3_REGION,
              bucket: c.S3_BUCKET!,
              accessKeyId: c.S3_ACCESS_KEY_ID!,
              secretAccessKey: c.S3_SECRET_ACCESS_KEY!,
              forcePathStyle: truthy(c.S3_FORCE_PATH_STYLE),
            }
          : null,
      urlSecret: c.FILE_URL_SECRET ?? null,
      urlTtlSeconds: c.FILE_URL_TTL_SECONDS,
      maxUploadBytes: c.UPLOAD_MAX_BYTES,
    },
    jobs: {
      databaseUrl: c.DATABASE_URL,
      pollSeconds: c.JOBS_POLL_SECONDS,
      concurrency: c.JOBS_CONCURRENCY,
      maintenanceSeconds: c.JOBS_MAINTENANCE_SECONDS,
    },
    wechat: {
      appid: c.WECHAT_APPID,
      secret: c.WECHAT_SECRET,
      apiBase: c.WECHAT_API_BASE.replace(/\/$/, ''),
      timeoutMs: c.WECHAT_TIMEOUT_MS,
      riskBlockRank: c.WECHAT_RISK_BLOCK_RANK,
      miniprogramState: c.WECHAT_MINIPROGRAM_STATE,
      messageToken:
        c.WECHAT_MESSAGE_TOKEN ??
        createHash('sha256').update(`message-token:${c.WECHAT_SECRET}`).digest('hex').slice(0, 32),
    },
    publicBaseUrl,
    metrics: { host: c.METRICS_HOST, port: c.METRICS_PORT, workerPort: c.WORKER_METRICS_PORT },
    pay: payConfig(c, publicBaseUrl),
    session: {
      ttlSeconds: Math.min(c.SESSION_TTL_SECONDS, c.SESSION_MAX_AGE_SECONDS),
      maxAgeSeconds: c.SESSION_MAX_AGE_SECONDS,
    },
    deskSession: {
      ttlSeconds: Math.min(c.DESK_SESSION_TTL_SECONDS, c.DESK_SESSION_MAX_AGE_SECONDS),
      maxAgeSeconds: c.DESK_SESSION_MAX_AGE_SECONDS,
    },
    limits: {
      loginPerIp: { points: c.LOGIN_LIMIT_PER_IP_PER_MINUTE, durationSeconds: 60 },
      loginGlobal: { points: c.LOGIN_LIMIT_PER_SECOND, durationSeconds: 1 },
      bindRequestsPerUser: { points: c.BIND_REQUEST_LIMIT_PER_HOUR, durationSeconds: 3600 },
      repairsPerUser: { points: c.REPAIR_LIMIT_PER_HOUR, durationSeconds: 3600 },
      snapshotsPerUser: { points: c.SNAPSHOT_LIMIT_PER_HOUR, durationSeconds: 3600 },
      uploadsPerUser: { points: c.UPLOAD_LIMIT_PER_HOUR, durationSeconds: 3600 },
      staffUploadsPerUser: { points: c.STAFF_UPLOAD_LIMIT_PER_HOUR, durationSeconds: 3600 },
      urgentPerUser: { points: c.URGENT_LIMIT_PER_DAY, durationSeconds: 24 * 3600 },
    },
  };
}

const pem = (s: string) => s.replace(/\\n/g, '\n');

/** Payments are all or nothing: a merchant id without its keys is a configuration error, not "off". */
function payConfig(c: z.infer<typeof ZConfig>, publicBaseUrl: string): PayConfig | null {
  if (!c.WECHATPAY_MCHID) return null;
  const missing: string[] = (
    ['WECHATPAY_MERCHANT_SERIAL', 'WECHATPAY_PRIVATE_KEY', 'WECHATPAY_APIV3_KEY'] as const
  ).filter((k) => !c[k]);
  if (c.WECHATPAY_PUBLIC_KEY_ID && !c.WECHATPAY_PUBLIC_KEY) missing.push('WECHATPAY_PUBLIC_KEY');
  if (!c.WECHATPAY_PUBLIC_KEY_ID && !c.WECHATPAY_PLATFORM_CERTS)
    missing.push('WECHATPAY_PUBLIC_KEY_ID or WECHATPAY_PLATFORM_CERTS');
  if (missing.length) throw new ConfigError(missing.map((k) => `${k} is missing (WECHATPAY_MCHID is set)`));
  const verifyKeys: Record<string, string> = {};
  if (c.WECHATPAY_PUBLIC_KEY_ID) verifyKeys[c.WECHATPAY_PUBLIC_KEY_ID] = pem(c.WECHATPAY_PUBLIC_KEY!);
  for (const cert of pem(c.WECHATPAY_PLATFORM_CERTS ?? '').match(
    /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g,
  ) ?? []) {
    const x = new X509Certificate(cert);
    verifyKeys[x.serialNumber.toUpperCase()] = x.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  }
  return {
    mchid: c.WECHATPAY_MCHID,
    appid: c.WECHAT_APPID,
    apiBase: c.WECHATPAY_API_BASE.replace(/\/$/, ''),
    merchantSerial: c.WECHATPAY_MERCHANT_SERIAL!.toUpperCase(),
    privateKeyPem: pem(c.WECHATPAY_PRIVATE_KEY!),
    apiV3Key: c.WECHATPAY_APIV3_KEY!,
    verifyKeys,
    notifyUrl: `${publicBaseUrl}/wechat/pay/notify`,
    refundNotifyUrl: `${publicBaseUrl}/wechat/pay/refund-notify`,
  };
}
