import type { ParetoRow } from '@lodestar/contracts';
import { niceMax } from './chart-scales';

/** One bar of the Pareto chart and the cumulative-share point above it. */
export interface ParetoBar {
  /** The cause, or "Other causes (n)" for the causes folded together after the first ones. */
  name: string;
  count: number;
  /** 0–1 */
  share: number;
  /** 0–1 */
  cumulativeShare: number;
  /** How many causes the bar stands for (more than 1 only for the folded "other" bar). */
  causes: number;
}

export interface ParetoChartData {
  bars: ParetoBar[];
  total: number;
  /** The top of the count axis: a round number at or above the biggest bar. */
  countMax: number;
}

/**
 * The Pareto rows shaped for the chart: largest first, as the API sends them; past `maxBars` the
 * smallest causes are folded into one last bar so the labels stay readable (the table lists every
 * cause). The cumulative line still ends at 100 %.
 */
export function paretoChartData(rows: readonly ParetoRow[], maxBars = 10): ParetoChartData {
  const sorted = [...rows].sort(
    (a, b) => b.count - a.count || (a.cause < b.cause ? -1 : a.cause > b.cause ? 1 : 0),
  );
  const total = sorted.reduce((sum, row) => sum + row.count, 0);
  const keep = sorted.length > maxBars ? Math.max(1, maxBars - 1) : sorted.length;
  let running = 0;
  const bars: ParetoBar[] = sorted.slice(0, keep).map((row) => {
    running += row.count;
    return {
      name: row.cause,
      count: row.count,
      share: total ? row.count / total : 0,
      cumulativeShare: total ? running / total : 0,
      causes: 1,
    };
  });
  const rest = sorted.slice(keep);
  if (rest.length) {
    const count = rest.reduce((sum, row) => sum + row.count, 0);
    bars.push({
      name: `Other causes (${rest.length})`,
      count,
      share: total ? count / total : 0,
      cumulativeShare: 1,
      causes: rest.length,
    });
  }
  const biggest = bars.reduce((max, bar) => Math.max(max, bar.count), 0);
  return { bars, total, countMax: niceMax(biggest) };
}

/**
 * A label broken into at most `maxLines` lines of about `maxChars` characters, at spaces; a word too
 * long for a line, or text beyond the last line, is cut with "…".
 */
export function wrapLabel(text: string, maxChars: number, maxLines = 3): string[] {
  const width = Math.max(2, Math.floor(maxChars));
  const cut = (word: string) => (word.length > width ? `${word.slice(0, width - 1)}…` : word);
  const lines: string[] = [];
  for (const word of text.trim().split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= width)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(cut(word));
  }
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const end = kept[maxLines - 1];
  kept[maxLines - 1] = end.endsWith('…') ? end : `${end.slice(0, width - 1)}…`;
  return kept;
}
