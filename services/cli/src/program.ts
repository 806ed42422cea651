import { Command, Option } from 'commander';
import { runDemo } from './commands/demo';
import { runAuditVerify, runDeadLetters, runImport, runSearch, runUserAdd, runUserSetActive } from './commands/operate';
import { runApi, runConnector, runUp, runWorker } from './commands/serve';

const configOption = () =>
  new Option('-c, --config <file>', 'JSON config file (default: the embedded profile in ./.custodian)').env(
    'CUSTODIAN_CONFIG',
  );
const tokenOption = () =>
  new Option('-t, --token <token>', 'your API token').env('CUSTODIAN_TOKEN').makeOptionMandatory();

/** The `custodian` command. Each sub-command is a thin shell over the services. */
export function buildProgram(): Command {
  const program = new Command('custodian')
    .description('Archive customer-consultation records: classify, redact, encrypt, search, audit.')
    .showHelpAfterError();

  program
    .command('demo')
    .description('archive the bundled sample mailbox in the embedded profile and run a few searches')
    .option('-d, --data-dir <dir>', 'where to keep the demo archive (default: a new temporary directory)')
    .action((o) => runDemo(o));

  program
    .command('up')
    .description('run API, worker and configured connectors in one process (embedded profile)')
    .addOption(configOption())
    .action((o) => runUp(o));

  program
    .command('api')
    .description('serve the HTTP API')
    .addOption(configOption())
    .action((o) => runApi(o));
  program
    .command('worker')
    .description('run the archive pipeline on queued items')
    .addOption(configOption())
    .action((o) => runWorker(o));

  const connector = program.command('connector').description('run a source connector');
  connector
    .command('email')
    .description('read the configured IMAP mailboxes into the archive queue')
    .addOption(configOption())
    .option('-s, --source <id>', 'only this configured IMAP source')
    .option('--once', 'read what is there now, then exit')
    .action((o) => runConnector(o));

  program
    .command('import')
    .description('queue .eml files, mbox files or directories of them')
    .argument('<paths...>')
    .addOption(configOption())
    .option('--wait', 'in the embedded profile, archive them now and wait until done')
    .action((paths, o) => runImport(paths, o));

  program
    .command('search')
    .description('search the archive as yourself (authorized and audited like the API)')
    .argument('<query>')
    .addOption(configOption())
    .addOption(tokenOption())
    .option('-n, --limit <n>', 'hits to show', '20')
    .action((q, o) => runSearch(q, o));

  const user = program.command('user').description('manage API users');
  user
    .command('add')
    .description('create a user and print their API token (shown once)')
    .addOption(configOption())
    .requiredOption('--email <email>')
    .requiredOption('--name <name>')
    .addOption(
      new Option('--role <role>')
        .choices(['agent', 'supervisor', 'compliance', 'auditor', 'admin', 'integration'])
        .makeOptionMandatory(),
    )
    .option('--team <team>')
    .action((o) => runUserAdd(o));
  user
    .command('deactivate')
    .description('cut a user off at once (their token stops working on the next request)')
    .addOption(configOption())
    .requiredOption('--email <email>')
    .action((o) => runUserSetActive(o, false));

  program
    .command('audit')
    .description('audit log')
    .command('verify')
    .description('verify the hash chain of the audit log')
    .addOption(configOption())
    .addOption(tokenOption())
    .action((o) => runAuditVerify(o));

  program
    .command('dead-letters')
    .description('list items the pipeline could not archive, with the reason')
    .addOption(configOption())
    .option('-n, --limit <n>', 'how many', '50')
    .action((o) => runDeadLetters(o));

  return program;
}
