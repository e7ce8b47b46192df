import { pino, type Logger } from 'pino';

export type { Logger };

/** One structured JSON logger for the process; request handlers derive children with `requestId`. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'ctkg' }, redact: ['password', '*.password'] });
}
