export { DEMO_SEARCHES, type DemoOptions, runDemo, SAMPLE_MAILBOX } from './commands/demo';
export { buildProgram } from './program';
