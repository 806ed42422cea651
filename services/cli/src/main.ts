#!/usr/bin/env node
import { isCustodianError } from '@custodian/schemas';
import { buildProgram } from './program';

buildProgram()
  .parseAsync(process.argv)
  .catch((e: unknown) => {
    if (isCustodianError(e)) {
      process.stderr.write(`custodian: ${e.code}: ${e.message}\n`);
    } else {
      process.stderr.write(`custodian: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    }
    process.exitCode = 1;
  });
