import { CustodianError } from '@custodian/schemas';
import type { SqlClient, SqlResult } from './sql-client';

/** Runs one statement on the connection that holds the transaction. */
export type TxRunner = <T>(sql: string, params?: unknown[]) => Promise<SqlResult<T>>;

/**
 * A client bound to one connection inside an open transaction, for both drivers; nested transactions are
 * savepoints, and a client outliving its transaction fails instead of running outside it.
 */
export function txClient(run: TxRunner, where: string, depth: number, isOpen: () => boolean): SqlClient {
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
      return run<T>(sql, params);
    },
    transaction: async <T>(fn: (tx: SqlClient) => Promise<T>) => {
      guard();
      const sp = `custodian_sp_${depth}`;
      await run(`SAVEPOINT ${sp}`);
      let open = true;
      try {
        const out = await fn(txClient(run, where, depth + 1, () => open && isOpen()));
        await run(`RELEASE SAVEPOINT ${sp}`);
        return out;
      } catch (e) {
        await run(`ROLLBACK TO SAVEPOINT ${sp}`);
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
