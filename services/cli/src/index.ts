export { buildProgram } from './program';
export { DEMO_SEARCHES, type DemoOptions, runDemo, SAMPLE_MAILBOX } from './commands/demo';
