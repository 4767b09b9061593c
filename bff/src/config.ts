import { z } from 'zod';

/**
 * The one place that reads the environment (STYLE.md). Parsed once at start; a bad or missing value
 * stops the process with a list of every problem, not the first one.
 */
const ZConfig = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL'),
  /** `memory://` selects the in-process fallback: single instance only, never for production. */
  REDIS_URL: z.string().regex(/^(rediss?|memory):\/\//, 'must be a redis:// URL or memory://'),
  REDIS_KEY_PREFIX: z.string().default('wyt:'),
  WECHAT_APPID: z.string().min(1),
  WECHAT_SECRET: z.string().min(1),
  WECHAT_API_BASE: z.url().default('https://api.weixin.qq.com'),
  WECHAT_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
  SESSION_TTL_SECONDS: z.coerce.number().int().positive().default(7 * 24 * 3600),
});

export type Config = {
  env: 'development' | 'test' | 'production';
  host: string;
  port: number;
  logLevel: string;
  databaseUrl: string;
  redisUrl: string;
  redisKeyPrefix: string;
  wechat: { appid: string; secret: string; apiBase: string; timeoutMs: number };
  sessionTtlSeconds: number;
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
  if (c.NODE_ENV === 'production' && c.REDIS_URL.startsWith('memory://')) {
    throw new ConfigError(['REDIS_URL: memory:// is a single-instance fallback and not allowed in production']);
  }
  return {
    env: c.NODE_ENV,
    host: c.HOST,
    port: c.PORT,
    logLevel: c.LOG_LEVEL,
    databaseUrl: c.DATABASE_URL,
    redisUrl: c.REDIS_URL,
    redisKeyPrefix: c.REDIS_KEY_PREFIX,
    wechat: {
      appid: c.WECHAT_APPID,
      secret: c.WECHAT_SECRET,
      apiBase: c.WECHAT_API_BASE.replace(/\/$/, ''),
      timeoutMs: c.WECHAT_TIMEOUT_MS,
    },
    sessionTtlSeconds: c.SESSION_TTL_SECONDS,
  };
}
