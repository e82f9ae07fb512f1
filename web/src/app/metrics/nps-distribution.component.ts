import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatTableModule } from '@angular/material/table';
import type { CxResult } from '@lodestar/contracts';
import { BarChartModule, ScaleType } from '@swimlane/ngx-charts';
import { formatInteger } from '../shared/format';
import { formatShare, NPS_GROUP_LABELS, NpsGroup, npsGroupOf } from './cx-format';
import { hostWidth } from './element-width';

/** Detractor, passive and promoter bars: each at least 4.5:1 on white, and named in the legend and table. */
export const NPS_GROUP_COLOURS: Readonly<Record<NpsGroup, string>> = {
  detractor: '#b3261e',
  passive: '#6b6f76',
  promoter: '#1b6b3a',
};

export interface DistributionRow {
  score: number;
  group: NpsGroup;
  count: number;
  share: number;
}

export function distributionRows(result: CxResult): DistributionRow[] {
  return result.distribution.map((entry) => ({ ...entry, group: npsGroupOf(entry.score) }));
}

const GROUPS: { group: NpsGroup; scores: string }[] = [
  { group: 'detractor', scores: '0–6' },
  { group: 'passive', scores: '7–8' },
  { group: 'promoter', scores: '9–10' },
];

/** How the NPS answers spread over 0–10, coloured by detractors, passives and promoters, with a table view. */
@Component({
  selector: 'ls-nps-distribution',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [BarChartModule, MatSlideToggleModule, MatTableModule],
  template: `
    <section class="ls-panel" aria-labelledby="nps-distribution-title">
      <header class="ls-chart-head">
        <div>
          <h3 id="nps-distribution-title">NPS distribution</h3>
          <p class="ls-muted">
            Answers per score, 0 = not at all likely, 10 = extremely likely · n = {{ n() }}
          </p>
        </div>
        <mat-slide-toggle [checked]="asTable()" (change)="asTable.set($event.checked)"
          >Show as table</mat-slide-toggle
        >
      </header>
      @if (asTable()) {
        <table mat-table [dataSource]="rows()" class="ls-data-table">
          <caption class="ls-visually-hidden">
            NPS answers per score
          </caption>
          <ng-container matColumnDef="score">
            <th mat-header-cell *matHeaderCellDef scope="col">Score</th>
            <td mat-cell *matCellDef="let row">{{ row.score }}</td>
          </ng-container>
          <ng-container matColumnDef="group">
            <th mat-header-cell *matHeaderCellDef scope="col">Group</th>
            <td mat-cell *matCellDef="let row">
              <span class="swatch" [style.background]="colourOf(row)"></span>{{ groupOf(row) }}
            </td>
          </ng-container>
          <ng-container matColumnDef="count">
            <th mat-header-cell *matHeaderCellDef scope="col" class="ls-num">Answers</th>
            <td mat-cell *matCellDef="let row" class="ls-num">{{ formatCount(row.count) }}</td>
          </ng-container>
          <ng-container matColumnDef="share">
            <th mat-header-cell *matHeaderCellDef scope="col" class="ls-num">Share</th>
            <td mat-cell *matCellDef="let row" class="ls-num">{{ formatShare(row.share) }}</td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let row; columns: columns"></tr>
        </table>
      } @else {
        <div class="chart" role="img" [attr.aria-label]="summary()">
          @if (width() > 0) {
            <ngx-charts-bar-vertical
              [view]="[chartWidth(), 240]"
              [results]="chartData()"
              [scheme]="scheme"
              [customColors]="customColors"
              [xAxis]="true"
              [yAxis]="true"
              [showXAxisLabel]="true"
              [showYAxisLabel]="true"
              xAxisLabel="Likelihood to recommend (0–10)"
              yAxisLabel="Answers"
              [showGridLines]="true"
              [roundDomains]="true"
              [animations]="false"
              [barPadding]="6"
              [yAxisTickFormatting]="formatCount"
            >
              <ng-template #tooltipTemplate let-model="model">
                <span class="tooltip-label">Score {{ model.name }} · {{ groupOfScore(model.name) }}</span>
                <span class="tooltip-val">{{ tooltipValue(model.name) }}</span>
              </ng-template>
            </ngx-charts-bar-vertical>
          }
        </div>
        <ul class="legend" aria-label="Legend">
          @for (item of legend(); track item.group) {
            <li>
              <span class="swatch" [style.background]="colours[item.group]"></span>
              {{ item.label }} <span class="ls-muted">{{ item.scores }} · {{ item.share }}</span>
            </li>
          }
        </ul>
      }
    </section>
  `,
  styles: `
    :host {
      display: block;
      min-width: 0;
    }
    .chart {
      height: 240px;
      padding: 0 8px;
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 18px;
      list-style: none;
      margin: 0;
      padding: 6px 16px 14px;
      font-size: 0.85rem;
    }
    .swatch {
      display: inline-block;
      width: 12px;
      height: 12px;
      border-radius: 3px;
      margin-right: 6px;
      vertical-align: -1px;
    }
  `,
})
export class NpsDistributionComponent {
  readonly result = input.required<CxResult>();

  protected readonly asTable = signal(false);
  protected readonly width = hostWidth();
  protected readonly colours = NPS_GROUP_COLOURS;
  protected readonly columns = ['score', 'group', 'count', 'share'];
  protected readonly scheme = {
    name: 'nps',
    selectable: false,
    group: ScaleType.Ordinal,
    domain: [NPS_GROUP_COLOURS.passive],
  };
  protected readonly customColors = Array.from({ length: 11 }, (_, score) => ({
    name: String(score),
    value: NPS_GROUP_COLOURS[npsGroupOf(score)],
  }));

  /** The panel's width less the chart's side padding. */
  protected readonly chartWidth = computed(() => Math.max(0, this.width() - 16));
  protected readonly rows = computed(() => distributionRows(this.result()));
  protected readonly n = computed(() => formatInteger(this.result().n));
  protected readonly chartData = computed(() =>
    this.rows().map((row) => ({ name: String(row.score), value: row.count })),
  );
  protected readonly legend = computed(() => {
    const rows = this.rows();
    const total = rows.reduce((sum, row) => sum + row.count, 0);
    return GROUPS.map(({ group, scores }) => {
      const count = rows.filter((row) => row.group === group).reduce((sum, row) => sum + row.count, 0);
      return {
        group,
        scores,
        label: `${NPS_GROUP_LABELS[group]}s`,
        share: formatShare(total ? count / total : 0),
      };
    });
  });
  protected readonly summary = computed(() => {
    const [detractors, passives, promoters] = this.legend();
    return `Bar chart of NPS answers per score: detractors ${detractors.share}, passives ${passives.share}, promoters ${promoters.share}. Switch on "Show as table" for every number.`;
  });

  protected readonly formatCount = (value: number) => formatInteger(value);
  protected readonly formatShare = formatShare;

  protected groupOfScore(score: string): string {
    return NPS_GROUP_LABELS[npsGroupOf(Number(score))];
  }

  /** "1,234 answers · 9.8 %" for the bar of a score. */
  protected tooltipValue(score: string): string {
    const row = this.rows().find((entry) => entry.score === Number(score));
    return row ? `${formatInteger(row.count)} answers · ${formatShare(row.share)}` : '';
  }

  protected colourOf(row: DistributionRow): string {
    return NPS_GROUP_COLOURS[row.group];
  }

  protected groupOf(row: DistributionRow): string {
    return NPS_GROUP_LABELS[row.group];
  }
}
