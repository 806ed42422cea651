import { CustodianError } from '@custodian/schemas';
import pg from 'pg';
import type { SqlClient, SqlResult } from './sql-client';
import { sqlError } from './sql-error';

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

/** A client bound to one pooled connection inside an open transaction; nested transactions are savepoints. */
function txClient(conn: pg.PoolClient, where: string, depth: number, isOpen: () => boolean): SqlClient {
  const guard = () => {
    if (!isOpen()) {
      throw new CustodianError('E_SQL_TX_CLOSED', `${where}: the transaction this client belonged to has ended.`, {
        retryable: false,
      });
    }
  };
  return {
    query: async <T>(sql: string, params?: unknown[]) => {
      guard();
      return run<T>(conn, where, sql, params);
    },
    transaction: async <T>(fn: (tx: SqlClient) => Promise<T>) => {
      guard();
      const sp = `custodian_sp_${depth}`;
      await run(conn, where, `SAVEPOINT ${sp}`);
      let open = true;
      try {
        const out = await fn(txClient(conn, where, depth + 1, () => open && isOpen()));
        await run(conn, where, `RELEASE SAVEPOINT ${sp}`);
        return out;
      } catch (e) {
        await run(conn, where, `ROLLBACK TO SAVEPOINT ${sp}`);
        throw e;
      } finally {
        open = false;
      }
    },
    describe: () => where,
    close: async () => {
      throw new CustodianError('E_SQL_TX_CLOSE', 'Close the client that opened the transaction, not the transaction.', {
        retryable: false,
      });
    },
  };
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
        const out = await fn(txClient(conn, where, 1, () => open));
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
