/**
 * The one SQL surface the catalog, the embedded queue and the PostgreSQL index share, implemented by
 * node-postgres (server profile) and PGlite (embedded profile). PostgreSQL dialect, `$1` parameters.
 */
export interface SqlResult<T> {
  rows: T[];
  rowCount: number;
}

export interface SqlClient {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<SqlResult<T>>;
  /** Runs `fn` in one transaction on one connection; rolls back if it throws. */
  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T>;
  /** `postgres://host:port/db` (no password) or `pglite:<dir>`, for operator messages. */
  describe(): string;
  close(): Promise<void>;
}
