// Internal: nearest-rank quantiles over many values in bounded memory.

/** Values kept exactly (a growable Float64Array) before folding into minute bins. */
const EXACT_LIMIT = 65_536;
const MINUTES_PER_HOUR = 60;

/**
 * @internal Nearest-rank quantiles of hours: exact while it holds at most
 * {@link EXACT_LIMIT} values (sorted typed array), then to the whole minute (a count
 * per minute, so memory grows with the range of values, not their number). Reports
 * show tenths of an hour (6 minutes), so the minute bins never change a figure shown.
 */
export class QuantileSketch {
  private values: Float64Array | null = new Float64Array(64);
  private bins: Map<number, number> | null = null;
  private size = 0;
  private largest = -Infinity;
  private smallest = Infinity;

  get count(): number {
    return this.size;
  }

  add(hours: number): void {
    if (hours > this.largest) this.largest = hours;
    if (hours < this.smallest) this.smallest = hours;
    if (this.values !== null) {
      if (this.size === EXACT_LIMIT) {
        this.fold();
      } else {
        if (this.size === this.values.length) {
          const grown = new Float64Array(this.values.length * 2);
          grown.set(this.values);
          this.values = grown;
        }
        this.values[this.size++] = hours;
        return;
      }
    }
    this.bin(hours);
    this.size++;
  }

  /** The value at 1-based rank `ceil(p / 100 * n)` of the values sorted ascending; `null` when empty. */
  quantile(percentile: number): number | null {
    if (this.size === 0) return null;
    const rank = Math.max(1, Math.ceil((percentile / 100) * this.size));
    if (rank === this.size) return this.largest;
    if (rank === 1) return this.smallest;
    if (this.values !== null) {
      const sorted = this.values.subarray(0, this.size).sort();
      return sorted[rank - 1] as number;
    }
    const minutes = [...(this.bins as Map<number, number>).keys()].sort((a, b) => a - b);
    let seen = 0;
    for (const minute of minutes) {
      seen += (this.bins as Map<number, number>).get(minute) as number;
      if (seen >= rank) return minute / MINUTES_PER_HOUR;
    }
    return this.largest;
  }

  get max(): number | null {
    return this.size === 0 ? null : this.largest;
  }

  get min(): number | null {
    return this.size === 0 ? null : this.smallest;
  }

  private fold(): void {
    const values = this.values as Float64Array;
    this.values = null;
    this.bins = new Map();
    for (let i = 0; i < this.size; i++) this.bin(values[i] as number);
  }

  private bin(hours: number): void {
    const minute = Math.round(hours * MINUTES_PER_HOUR);
    const bins = this.bins as Map<number, number>;
    bins.set(minute, (bins.get(minute) ?? 0) + 1);
  }
}
