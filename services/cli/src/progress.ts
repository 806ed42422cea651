import type { ProgressEvent } from '@custodian/connector-kit';
import cliProgress from 'cli-progress';

/** Progress bars on stderr (stdout stays clean for results); plain lines when stderr is not a terminal. */
export function progressBars() {
  const multi = new cliProgress.MultiBar(
    {
      format: '  {label} |{bar}| {value}/{total}',
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: false,
      noTTYOutput: true,
      notTTYSchedule: 2000,
    },
    cliProgress.Presets.shades_classic,
  );
  const bars = new Map<string, cliProgress.SingleBar>();
  return {
    update(label: string, value: number, total: number) {
      let bar = bars.get(label);
      if (!bar) {
        bar = multi.create(Math.max(total, 1), 0, { label: label.padEnd(8) });
        bars.set(label, bar);
      }
      bar.setTotal(Math.max(total, 1));
      bar.update(value, { label: label.padEnd(8) });
    },
    /** A connector's progress: bytes of the files when it knows them, else items read. */
    connector(label: string) {
      return (e: ProgressEvent) => {
        if (e.total !== undefined && e.done !== undefined)
          this.update(`${label} ${e.unit === 'bytes' ? 'KB' : ''}`.trim(), scale(e, e.done), scale(e, e.total));
        else this.update(label, e.stats.seen, e.stats.seen);
      };
    },
    stop() {
      multi.stop();
    },
  };
}

const scale = (e: ProgressEvent, n: number) => (e.unit === 'bytes' ? Math.ceil(n / 1024) : n);
