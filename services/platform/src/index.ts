export { compose, type Platform } from './compose';
export { loadConfig, parseConfig } from './config/load-config';
export { createLogger, type Logger } from './log';
export type { SqlClient, SqlResult } from './sql/sql-client';
