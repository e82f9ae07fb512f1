import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { formatMargin, formatNps, formatSampleSize } from '../metrics/cx-format';
import { formatInteger } from '../shared/format';
import { Leaderboard } from './cx-leaderboard';

/**
 * The CX leaderboard: functions ranked by the lower end of their NPS's 95 % interval, so a few lucky
 * answers never top the board; functions below the minimum sample are listed apart.
 */
@Component({
  selector: 'ls-cx-leaderboard',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <section class="ls-panel" aria-labelledby="leaderboard-title" data-testid="cx-leaderboard">
      <header class="ls-chart-head">
        <div>
          <h2 id="leaderboard-title">CX leaderboard</h2>
          <p class="ls-muted">
            Functions ranked by NPS less its 95 % margin of error, the lowest it plausibly is · {{ period() }}
          </p>
        </div>
      </header>
      @if (board().entries.length) {
        <table class="ls-data-table table">
          <caption class="ls-visually-hidden">
            Functions ranked by the lower bound of their NPS,
            {{
              period()
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col" class="ls-num">Rank</th>
              <th scope="col">Function</th>
              <th scope="col" class="ls-num">NPS</th>
              <th scope="col" class="ls-num">Lower bound</th>
              <th scope="col" class="ls-num">Answers</th>
            </tr>
          </thead>
          <tbody>
            @for (entry of board().entries; track entry.key) {
              <tr>
                <td class="ls-num">{{ entry.rank }}</td>
                <th scope="row">
                  <a [routerLink]="['/scorecards', entry.key]" [queryParams]="{ period: period() }">{{
                    entry.name
                  }}</a>
                </th>
                <td class="ls-num">
                  {{ nps(entry.value) }} <span class="ls-muted">{{ margin(entry.marginOfError) }}</span>
                </td>
                <td class="ls-num strong">{{ nps(entry.lowerBound) }}</td>
                <td class="ls-num">{{ count(entry.n) }}</td>
              </tr>
            }
          </tbody>
        </table>
      } @else {
        <p class="note">No function has enough NPS answers in {{ period() }} to be ranked.</p>
      }
      @if (board().leftOut.length) {
        <p class="note" data-testid="leaderboard-left-out">
          Left out, insufficient sample:
          @for (unit of board().leftOut; track unit.key; let last = $last) {
            {{ unit.name }} ({{ sample(unit.n) }}){{ last ? '.' : ',' }}
          }
        </p>
      }
    </section>
  `,
  styles: `
    :host {
      display: block;
      min-width: 0;
    }
    .table {
      font-size: 0.85rem;
      border-collapse: collapse;
    }
    .table th,
    .table td {
      padding: 5px 12px;
      text-align: left;
      border-bottom: 1px solid var(--ls-border);
      font-weight: 400;
    }
    .table thead th {
      font-weight: 600;
      color: var(--ls-muted);
      font-size: 0.78rem;
    }
    .table .ls-num {
      text-align: right;
      white-space: nowrap;
    }
    .strong {
      font-weight: 600;
    }
    a {
      text-decoration: none;
    }
    a:hover,
    a:focus-visible {
      text-decoration: underline;
    }
    .note {
      margin: 0;
      padding: 8px 16px 14px;
      font-size: 0.82rem;
      color: var(--ls-muted);
    }
  `,
})
export class CxLeaderboardComponent {
  readonly board = input.required<Leaderboard>();
  readonly period = input.required<string>();

  protected readonly nps = formatNps;
  protected readonly count = (n: number) => formatInteger(n);
  protected readonly margin = (value: number) => formatMargin('nps', value);
  protected readonly sample = (n: number) => (n === 0 ? 'no answers' : formatSampleSize(n));
}
