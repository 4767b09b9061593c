import pino from 'pino';

export type Logger = pino.Logger;

/** Structured JSON logs. Secrets that reach a log line by accident are censored by key. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { svc: 'bff' },
    redact: {
      paths: [
        'secret',
        'session_key',
        'sessionKey',
        'access_token',
        'token',
        '*.secret',
        '*.session_key',
        '*.token',
        'req.headers.authorization',
      ],
      censor: '[redacted]',
    },
  });
}
