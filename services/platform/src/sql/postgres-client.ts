import { CustodianError } from '@custodian/schemas';
import pg from 'pg';
import type { SqlClient, SqlResult } from './sql-client';
import { sqlError } from './sql-error';
import { txClient } from './tx-client';

export interface PostgresOptions {
  poolSize?: number;
}

/** `postgres://user@host:port/db`: the URL without its password, safe for logs and messages. */
function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    const user = u.username ? `${decodeURIComponent(u.username)}@` : '';
    return `${u.protocol}//${user}${u.host}${u.pathname}`;
  } catch {
    return 'postgres://(unparseable url)';
  }
}

type Queryable = Pick<pg.PoolClient, 'query'>;

async function run<T>(conn: Queryable, where: string, sql: string, params?: unknown[]): Promise<SqlResult<T>> {
  try {
    const r = await conn.query(sql, params as unknown[]);
    return { rows: r.rows as T[], rowCount: r.rowCount ?? r.rows.length };
  } catch (e) {
    throw sqlError(where, e);
  }
}

/** PostgreSQL through a node-postgres pool (the server profile). Verifies the connection before returning. */
export async function openPostgres(url: string, opts: PostgresOptions = {}): Promise<SqlClient> {
  const where = describeUrl(url);
  const pool = new pg.Pool({ connectionString: url, max: opts.poolSize ?? 10 });
  let closing = false;
  // An idle connection that dies emits here; the pool drops it and the next query reconnects. Once
  // closing, a connection the server ends before it saw our goodbye is expected, not news.
  pool.on('error', (e) => {
    if (!closing) process.emitWarning(sqlError(where, e).message, { code: 'E_SQL' });
  });
  try {
    await pool.query('SELECT 1');
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw new CustodianError('E_SQL_CONNECT', `Cannot connect to ${where}: ${(e as Error).message}`, {
      retryable: true,
      cause: e,
    });
  }

  return {
    query: <T>(sql: string, params?: unknown[]) => run<T>(pool, where, sql, params),
    transaction: async <T>(fn: (tx: SqlClient) => Promise<T>) => {
      let conn: pg.PoolClient;
      try {
        conn = await pool.connect();
      } catch (e) {
        throw sqlError(where, e);
      }
      let open = true;
      let broken: unknown;
      try {
        await run(conn, where, 'BEGIN');
        const out = await fn(
          txClient(
            (sql, params) => run(conn, where, sql, params),
            where,
            1,
            () => open,
          ),
        );
        await run(conn, where, 'COMMIT');
        return out;
      } catch (e) {
        try {
          await conn.query('ROLLBACK');
        } catch (rollbackError) {
          // A connection that cannot roll back must not go back to the pool.
          broken = rollbackError;
        }
        throw e;
      } finally {
        open = false;
        conn.release(broken instanceof Error ? broken : broken === undefined ? undefined : true);
      }
    },
    describe: () => where,
    close: () => {
      closing = true;
      return pool.end();
    },
  };
}
