import type { Platform } from '@custodian/platform';
import { archiveItem } from './archive-item';

/** Consumes the archive queue with the pipeline, as configured; returns at once (close the platform to stop). */
export function startWorker(platform: Platform): void {
  const handle = archiveItem({ ...platform, policy: platform.config.policy });
  platform.queue.consume(async (item, ctx) => {
    await handle(item, ctx);
  }, platform.config.worker);
}
