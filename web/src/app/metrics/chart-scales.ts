/**
 * The two scales the Pareto chart needs, with the part of the d3-scale interface that ngx-charts'
 * axes and series call (`scale(value)`, `domain()`, `range()`, `bandwidth()`, `step()`, `ticks()`).
 */
export interface BandScale {
  (value: string): number;
  domain(): string[];
  range(): [number, number];
  bandwidth(): number;
  step(): number;
}

export interface LinearScale {
  (value: number): number;
  domain(): [number, number];
  range(): [number, number];
  ticks(count?: number): number[];
}

/**
 * `domain.length` equal steps across `range`, in domain order, each holding a band centred in it;
 * `padding` (0–1) is the share of each step left empty around its band.
 */
export function bandScale(domain: readonly string[], range: [number, number], padding = 0.2): BandScale {
  const [start, end] = range;
  const count = domain.length;
  const step = count === 0 ? 0 : (end - start) / count;
  const bandwidth = step * (1 - padding);
  const offset = start + (step * padding) / 2;
  const index = new Map(domain.map((value, i) => [value, i]));
  const scale = ((value: string) => {
    const i = index.get(value);
    return i === undefined ? Number.NaN : offset + i * step;
  }) as BandScale;
  scale.domain = () => [...domain];
  scale.range = () => [start, end];
  scale.bandwidth = () => bandwidth;
  scale.step = () => step;
  return scale;
}

/** About `count` round tick values (1, 2 or 5 × a power of ten apart) from `start` to `stop`. */
export function niceTicks(start: number, stop: number, count = 5): number[] {
  if (!(stop > start) || count <= 0) return [start];
  const raw = (stop - start) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const error = raw / power;
  const step = (error >= 7.07 ? 10 : error >= 3.16 ? 5 : error >= 1.41 ? 2 : 1) * power;
  const first = Math.ceil(start / step);
  const last = Math.floor(stop / step);
  const ticks: number[] = [];
  for (let i = first; i <= last; i++) ticks.push(Number((i * step).toPrecision(12)));
  return ticks;
}

/** The smallest round number ≥ `value` that a tick of about `count` ticks from 0 lands on. */
export function niceMax(value: number, count = 5): number {
  if (value <= 0) return 1;
  const ticks = niceTicks(0, value, count);
  const step = ticks.length > 1 ? ticks[1] - ticks[0] : value;
  const top = ticks[ticks.length - 1];
  return top >= value ? top : Number((top + step).toPrecision(12));
}

/** Maps `domain` linearly onto `range` (for a y axis: [height, 0], so bigger values sit higher). */
export function linearScale(domain: [number, number], range: [number, number]): LinearScale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const scale = ((value: number) =>
    d1 === d0 ? r0 : r0 + ((value - d0) / (d1 - d0)) * (r1 - r0)) as LinearScale;
  scale.domain = () => [d0, d1];
  scale.range = () => [r0, r1];
  scale.ticks = (count = 5) => niceTicks(Math.min(d0, d1), Math.max(d0, d1), count);
  return scale;
}
