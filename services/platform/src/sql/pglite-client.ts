import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdir } from 'node:fs/promises';
import { CustodianError } from '@custodian/schemas';
import { PGlite, type Results, type Transaction } from '@electric-sql/pglite';
import { lockDir } from './dir-lock';
import type { SqlClient, SqlResult } from './sql-client';
import { sqlError } from './sql-error';
import { txClient } from './tx-client';

type Queryable = Pick<Transaction, 'query'>;

function toResult<T>(r: Results<T>): SqlResult<T> {
  return { rows: r.rows, rowCount: r.affectedRows || r.rows.length };
}

async function run<T>(conn: Queryable, where: string, sql: string, params?: unknown[]): Promise<SqlResult<T>> {
  try {
    return toResult(await conn.query<T>(sql, params as unknown[]));
  } catch (e) {
    throw sqlError(where, e);
  }
}

/**
 * PGlite (PostgreSQL in WASM, the embedded profile): in memory when `dir` is undefined, else persisted there.
 * It has one connection, so PGlite queues every query behind an open transaction instead of interleaving.
 */
export async function openPglite(dir: string | undefined): Promise<SqlClient> {
  const where = dir === undefined ? 'pglite:memory' : `pglite:${dir}`;
  let db: PGlite;
  let unlock = async () => {};
  if (dir !== undefined) {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    unlock = await lockDir(dir);
  }
  try {
    db = dir === undefined ? await PGlite.create() : await PGlite.create(dir);
  } catch (e) {
    await unlock();
    throw new CustodianError('E_SQL_CONNECT', `Cannot open the embedded database ${where}: ${(e as Error).message}`, {
      retryable: false,
      cause: e,
    });
  }
  // Marks code running inside one of this database's transactions: a query on the root client from
  // there would wait for the transaction that is waiting for it, so it fails fast instead of hanging.
  const inTx = new AsyncLocalStorage<{ open: boolean }>();
  const reentrant = () =>
    new CustodianError(
      'E_SQL_TX_REENTRANT',
      `${where}: a query on the root client was issued inside a transaction on the same single-connection database; use the transaction's client.`,
      { retryable: false },
    );

  return {
    query: async <T>(sql: string, params?: unknown[]) => {
      if (inTx.getStore()?.open) throw reentrant();
      return run<T>(db, where, sql, params);
    },
    transaction: async <T>(fn: (tx: SqlClient) => Promise<T>) => {
      if (inTx.getStore()?.open) throw reentrant();
      let failedInFn = false;
      try {
        return await db.transaction(async (tx) => {
          const state = { open: true };
          try {
            return await inTx.run(state, () =>
              fn(
                txClient(
                  (sql, params) => run(tx, where, sql, params),
                  where,
                  1,
                  () => state.open,
                ),
              ),
            );
          } catch (e) {
            failedInFn = true;
            throw e;
          } finally {
            state.open = false;
          }
        });
      } catch (e) {
        throw failedInFn ? e : sqlError(where, e);
      }
    },
    describe: () => where,
    close: async () => {
      try {
        await db.close();
      } finally {
        await unlock();
      }
    },
  };
}
