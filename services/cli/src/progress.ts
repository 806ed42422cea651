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
    stop() {
      multi.stop();
    },
  };
}
