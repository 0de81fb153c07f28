/**
 * The progress line of a batch on stderr: "  37/1000 files  12.3 files/s  1m18s left", updated in
 * place with a carriage return, at most 10 times a second, and cleared at the end. Only on a
 * terminal: nothing at all when stderr is a pipe or a file, unless JPE_PROGRESS=1 (JPE_PROGRESS=0
 * turns it off on a terminal too).
 */

export interface ProgressStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

export function progressWanted(stderr: ProgressStream, env: Readonly<Record<string, string | undefined>>): boolean {
  const force = env.JPE_PROGRESS;
  if (force === '1') return true;
  if (force === '0') return false;
  return !!stderr.isTTY;
}

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

/** `rate`: files per second. */
export function progressLine(done: number, total: number, rate: number): string {
  const left = rate > 0 && done < total ? `  ${formatDuration((total - done) / rate)} left` : '';
  const width = String(total).length;
  const speed = rate > 0 ? `  ${rate.toFixed(1)} files/s` : '';
  return `${String(done).padStart(width)}/${total} files${speed}${left}`;
}

export class Progress {
  private last = -Infinity;
  private shown = false;
  /** When the first file finished: the rate is measured from there, so the workers' start-up does not skew it. */
  private first: { at: number; done: number } | null = null;

  constructor(
    private readonly stream: ProgressStream,
    private readonly total: number,
    private readonly enabled: boolean,
    private readonly now: () => number = () => performance.now(),
  ) {}

  update(done: number): void {
    if (!this.enabled) return;
    const t = this.now();
    this.first ??= { at: t, done };
    if (done < this.total && t - this.last < 100) return;
    this.last = t;
    this.shown = true;
    // no rate until a second file has finished (the first one carries the workers' start-up)
    const rate = this.first.done < done && t > this.first.at ? ((done - this.first.done) * 1000) / (t - this.first.at) : 0;
    this.stream.write(`\r${progressLine(done, this.total, rate)}\x1b[K`);
  }

  /** Clear the line, so what follows starts at the left margin. */
  clear(): void {
    if (this.enabled && this.shown) this.stream.write('\r\x1b[K');
    this.shown = false;
  }
}
