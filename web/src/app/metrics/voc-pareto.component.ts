import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatTableModule } from '@angular/material/table';
import type { ParetoRow, SurveyType } from '@lodestar/contracts';
import { formatInteger } from '../shared/format';
import { EmptyStateComponent, ErrorStateComponent, LoadingComponent } from '../shared/page-states.component';
import { remoteResource } from '../shared/remote-resource';
import { formatShare, SURVEY_INFO, SURVEYS } from './cx-format';
import { PARETO_BAR_COLOUR, PARETO_LINE_COLOUR, ParetoChartComponent } from './pareto-chart.component';
import { VocService } from './voc.service';

/** The causes of a unit's unhappy answers, largest first, with their cumulative share. */
@Component({
  selector: 'ls-voc-pareto',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatFormFieldModule,
    MatSelectModule,
    MatSlideToggleModule,
    MatTableModule,
    ParetoChartComponent,
    LoadingComponent,
    EmptyStateComponent,
    ErrorStateComponent,
  ],
  template: `
    <section class="ls-panel" aria-labelledby="pareto-title">
      <header class="ls-chart-head">
        <div>
          <h3 id="pareto-title">Causes of unhappy answers</h3>
          <p class="ls-muted">
            Pareto of {{ info().short }} {{ unhappyScores() }} answers by cause, largest first, with the
            cumulative share
          </p>
        </div>
        <div class="controls">
          <mat-form-field class="survey">
            <mat-label>Survey</mat-label>
            <mat-select [value]="survey()" (valueChange)="survey.set($event)">
              @for (option of surveys; track option) {
                <mat-option [value]="option">{{ surveyInfo[option].short }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-slide-toggle [checked]="asTable()" (change)="asTable.set($event.checked)"
            >Show as table</mat-slide-toggle
          >
        </div>
      </header>
      @if (pareto.loading()) {
        <ls-loading label="Loading the causes…" />
      }
      @if (pareto.problem(); as failure) {
        <div class="pad">
          <ls-error-state
            title="The causes could not be loaded"
            [detail]="failure.detail"
            [errors]="failure.errors"
            (retry)="load()"
          />
        </div>
      } @else if (pareto.value(); as rows) {
        @if (rows.length === 0) {
          <ls-empty-state title="No unhappy answers with a cause" icon="chart">
            No {{ info().short }} answer of {{ unhappyScores() }} in this unit and period. Choose another
            survey, unit or period.
          </ls-empty-state>
        } @else if (asTable()) {
          <table mat-table [dataSource]="rows" class="ls-data-table" data-testid="pareto-table">
            <caption class="ls-visually-hidden">
              Causes of unhappy
              {{
                info().short
              }}
              answers, largest first
            </caption>
            <ng-container matColumnDef="rank">
              <th mat-header-cell *matHeaderCellDef scope="col" class="ls-num">#</th>
              <td mat-cell *matCellDef="let row; let index = index" class="ls-num">{{ index + 1 }}</td>
            </ng-container>
            <ng-container matColumnDef="cause">
              <th mat-header-cell *matHeaderCellDef scope="col">Cause</th>
              <td mat-cell *matCellDef="let row">{{ row.cause }}</td>
            </ng-container>
            <ng-container matColumnDef="count">
              <th mat-header-cell *matHeaderCellDef scope="col" class="ls-num">Answers</th>
              <td mat-cell *matCellDef="let row" class="ls-num">{{ formatCount(row.count) }}</td>
            </ng-container>
            <ng-container matColumnDef="share">
              <th mat-header-cell *matHeaderCellDef scope="col" class="ls-num">Share</th>
              <td mat-cell *matCellDef="let row" class="ls-num">{{ formatShare(row.share) }}</td>
            </ng-container>
            <ng-container matColumnDef="cumulative">
              <th mat-header-cell *matHeaderCellDef scope="col" class="ls-num">Cumulative share</th>
              <td mat-cell *matCellDef="let row" class="ls-num">{{ formatShare(row.cumulativeShare) }}</td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let row; columns: columns"></tr>
          </table>
        } @else {
          <div class="chart">
            <ls-pareto-chart [rows]="rows" [countLabel]="'Unhappy answers'" />
          </div>
          <ul class="legend" aria-label="Legend">
            <li><span class="bar" [style.background]="barColour"></span>Unhappy answers per cause</li>
            <li>
              <span class="line" [style.background]="lineColour"></span>Cumulative share of unhappy answers
            </li>
            <li class="ls-muted">{{ totalText(rows) }}</li>
          </ul>
        }
      }
    </section>
  `,
  styles: `
    :host {
      display: block;
      min-width: 0;
    }
    .controls {
      display: flex;
      align-items: center;
      gap: 16px;
      flex-wrap: wrap;
    }
    .survey {
      width: 120px;
    }
    .pad {
      padding: 0 16px 16px;
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 18px;
      list-style: none;
      margin: 0;
      padding: 4px 16px 14px;
      font-size: 0.85rem;
    }
    .bar,
    .line {
      display: inline-block;
      margin-right: 6px;
      vertical-align: middle;
    }
    .bar {
      width: 12px;
      height: 12px;
      border-radius: 2px;
    }
    .line {
      width: 18px;
      height: 3px;
      border-radius: 2px;
    }
  `,
})
export class VocParetoComponent {
  private readonly voc = inject(VocService);

  readonly orgUnit = input.required<string>();
  readonly period = input.required<string>();

  protected readonly surveys = SURVEYS;
  protected readonly surveyInfo = SURVEY_INFO;
  protected readonly barColour = PARETO_BAR_COLOUR;
  protected readonly lineColour = PARETO_LINE_COLOUR;
  protected readonly columns = ['rank', 'cause', 'count', 'share', 'cumulative'];
  protected readonly survey = signal<SurveyType>('nps');
  protected readonly asTable = signal(false);
  protected readonly pareto = remoteResource<ParetoRow[]>({ clearOnError: true });
  protected readonly info = computed(() => SURVEY_INFO[this.survey()]);
  protected readonly unhappyScores = computed(() => `${this.info().min}–${this.info().unhappyMax}`);

  protected readonly formatCount = (value: number) => formatInteger(value);
  protected readonly formatShare = formatShare;

  constructor() {
    effect(() => {
      const unit = this.orgUnit();
      const period = this.period();
      const survey = this.survey();
      untracked(() => this.pareto.load(this.voc.pareto(unit, period, survey)));
    });
  }

  load(): void {
    this.pareto.load(this.voc.pareto(this.orgUnit(), this.period(), this.survey()));
  }

  protected totalText(rows: readonly ParetoRow[]): string {
    const total = rows.reduce((sum, row) => sum + row.count, 0);
    return `${formatInteger(total)} unhappy answers, ${formatInteger(rows.length)} ${rows.length === 1 ? 'cause' : 'causes'}`;
  }
}
