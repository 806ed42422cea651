import { type DestinationStream, type Logger, pino } from 'pino';

export type { Logger };

/**
 * Structured logs to stderr. Content never reaches a log line by design (we log ids and counts); the
 * redact paths are a second line of defence for secrets that might ride along in an error object.
 */
export function createLogger(
  level: string,
  name = 'custodian',
  destination: DestinationStream = pino.destination(2),
): Logger {
  return pino(
    {
      name,
      level,
      redact: {
        paths: [
          'password',
          '*.password',
          'secretAccessKey',
          '*.secretAccessKey',
          'token',
          '*.token',
          'authorization',
          '*.authorization',
          'headers.authorization',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
