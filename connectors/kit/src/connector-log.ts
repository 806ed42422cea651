/** The logger a connector writes to: pino's shape, so a pino logger fits as it is. Never pass content or addresses. */
export interface ConnectorLog {
  debug(fields: Record<string, unknown>, message: string): void;
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

const nothing = () => {};

export const silentLog: ConnectorLog = { debug: nothing, info: nothing, warn: nothing, error: nothing };
