import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { FiscalCalendar, OrgUnitNode } from '@lodestar/contracts';
import { AuthService } from '../auth/auth.service';
import { canOpenPage } from '../auth/page-access';
import { flattenUnits } from '../org/org-tree';
import { OrgUnitsService } from '../org/org-units.service';
import { SettingsService } from '../settings/settings.service';
import { IconComponent } from '../shared/icon.component';
import { EmptyStateComponent, ErrorStateComponent, LoadingComponent } from '../shared/page-states.component';
import { remoteResource } from '../shared/remote-resource';
import { CxResultCardComponent } from './cx-result-card.component';
import { NpsDistributionComponent } from './nps-distribution.component';
import { currentFiscalYear, periodOptionText, periodOptions, withPeriod } from './period-options';
import { VocCommentsComponent } from './voc-comments.component';
import { VocParetoComponent } from './voc-pareto.component';
import { CxResults, VocService } from './voc.service';

export const DEFAULT_UNIT = 'company';

/**
 * The voice of the customer of one unit (and every unit below it) in one period: NPS, CSAT and CES
 * with their margins, the NPS distribution, the Pareto of causes and the comments. Unit and period
 * live in the query string (`?unit=service&period=FY2026`), so a view can be shared as a link.
 */
@Component({
  selector: 'ls-voc-explorer-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatSelectModule,
    IconComponent,
    LoadingComponent,
    EmptyStateComponent,
    ErrorStateComponent,
    CxResultCardComponent,
    NpsDistributionComponent,
    VocParetoComponent,
    VocCommentsComponent,
  ],
  template: `
    <section class="ls-page" aria-labelledby="voc-title">
      <header class="ls-page-header">
        <div>
          <h1 id="voc-title">Voice of the customer</h1>
          <p>
            NPS, CSAT and CES of a unit and every unit below it, with their 95 % margins, causes and comments.
          </p>
        </div>
        @if (canImport()) {
          <a mat-stroked-button routerLink="/voc/import"><ls-icon name="upload" />Import survey answers</a>
        }
      </header>

      <div class="ls-panel pickers" role="group" aria-label="Unit and period">
        <mat-form-field class="unit">
          <mat-label>Unit</mat-label>
          <mat-select
            [value]="unitKey()"
            (valueChange)="navigate({ unit: $event })"
            [disabled]="!units().length"
            [panelWidth]="null"
            panelClass="ls-unit-panel"
          >
            @for (unit of units(); track unit.key) {
              <mat-option [value]="unit.key">
                <span [style.padding-left.px]="unit.depth * 16">{{ unit.name }}</span>
              </mat-option>
            }
            @if (unitUnknown()) {
              <mat-option [value]="unitKey()">{{ unitKey() }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field class="period">
          <mat-label>Period</mat-label>
          <mat-select
            [value]="periodLabel()"
            (valueChange)="navigate({ period: $event })"
            [disabled]="!periods().length"
            [panelWidth]="null"
          >
            @for (group of periods(); track group.fiscalYear) {
              <mat-optgroup [label]="group.fiscalYear">
                @for (option of group.options; track option.label) {
                  <mat-option [value]="option.label">
                    <span [style.padding-left.px]="option.depth * 14">{{ optionText(option) }}</span>
                  </mat-option>
                }
              </mat-optgroup>
            }
          </mat-select>
        </mat-form-field>
        @if (periodLabel(); as label) {
          <p class="ls-muted scope">{{ unitName() }} · {{ label }}</p>
        }
      </div>

      @if (tree.loading() || calendar.loading()) {
        <ls-loading label="Loading units and periods…" />
      }
      @if (tree.problem() ?? calendar.problem(); as failure) {
        <ls-error-state
          title="The units and periods could not be loaded"
          [detail]="failure.detail"
          [errors]="failure.errors"
          (retry)="loadSetup()"
        />
      } @else if (periodLabel(); as period) {
        <section aria-labelledby="results-title" class="results">
          <h2 id="results-title" class="ls-visually-hidden">Results for {{ unitName() }}, {{ period }}</h2>
          @if (results.loading()) {
            <ls-loading label="Loading CX results…" />
          }
          @if (results.problem(); as failure) {
            <ls-error-state
              title="The CX results could not be loaded"
              [detail]="failure.detail"
              [errors]="failure.errors"
              (retry)="loadResults()"
            />
          } @else if (results.value(); as value) {
            <div class="cards">
              <ls-cx-result-card [result]="value.nps" />
              <ls-cx-result-card [result]="value.csat" />
              <ls-cx-result-card [result]="value.ces" />
            </div>
            @if (hasAnswers(value)) {
              <div class="charts">
                @if (value.nps.n > 0) {
                  <ls-nps-distribution [result]="value.nps" />
                }
                <ls-voc-pareto [orgUnit]="unitKey()" [period]="period" />
              </div>
              <ls-voc-comments [orgUnit]="unitKey()" [period]="period" [unitNames]="unitNames()" />
            } @else {
              <div class="ls-panel">
                <ls-empty-state
                  title="No answers for this unit and period yet — a CX lead can import a survey export"
                  icon="forum"
                >
                  @if (canImport()) {
                    <a routerLink="/voc/import">Import a survey export</a>, or choose another unit or period.
                  } @else {
                    Choose another unit or period, or ask your customer office when this unit's surveys
                    arrive.
                  }
                </ls-empty-state>
              </div>
            }
          }
        </section>
      }
    </section>
  `,
  styles: `
    .pickers {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
      padding: 12px 16px;
    }
    .unit {
      flex: 0 1 300px;
    }
    .period {
      flex: 0 1 320px;
    }
    .scope {
      margin: 0;
    }
    .results {
      display: flex;
      flex-direction: column;
      gap: 16px;
    }
    .cards {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(230px, 1fr));
      gap: 16px;
    }
    .charts {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 16px;
      align-items: start;
    }
    @media (min-width: 1700px) {
      .charts {
        grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
      }
    }
  `,
})
export class VocExplorerPageComponent {
  private readonly voc = inject(VocService);
  private readonly orgUnits = inject(OrgUnitsService);
  private readonly settings = inject(SettingsService);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  /** Query parameters, bound by the router. */
  readonly unit = input<string | undefined>();
  readonly period = input<string | undefined>();

  protected readonly tree = remoteResource<OrgUnitNode[]>();
  protected readonly calendar = remoteResource<FiscalCalendar>();
  protected readonly results = remoteResource<CxResults>({ clearOnError: true });

  protected readonly canImport = computed(() => canOpenPage('voc-import', this.auth.roles()));
  protected readonly unitKey = computed(() => this.unit()?.trim() || DEFAULT_UNIT);
  protected readonly units = computed(() =>
    flattenUnits(this.tree.value() ?? []).map(({ node, depth }) => ({
      key: node.key,
      name: node.name,
      depth,
    })),
  );
  protected readonly unitNames = computed(() => new Map(this.units().map((unit) => [unit.key, unit.name])));
  protected readonly unitName = computed(() => this.unitNames().get(this.unitKey()) ?? this.unitKey());
  protected readonly unitUnknown = computed(
    () => this.units().length > 0 && !this.unitNames().has(this.unitKey()),
  );
  /** The period asked for, or the current fiscal year once the calendar is known. */
  protected readonly periodLabel = computed(() => {
    const asked = this.period()?.trim();
    if (asked) return asked;
    const calendar = this.calendar.value();
    return calendar ? currentFiscalYear(calendar.startMonth, calendar.timeZone) : null;
  });
  protected readonly periods = computed(() => {
    const calendar = this.calendar.value();
    const label = this.periodLabel();
    if (!calendar) return [];
    const groups = periodOptions(calendar.startMonth, calendar.timeZone);
    return label ? withPeriod(groups, label, calendar.startMonth) : groups;
  });

  protected readonly optionText = periodOptionText;

  constructor() {
    this.loadSetup();
    effect(() => {
      const unit = this.unitKey();
      const period = this.periodLabel();
      if (period) untracked(() => this.results.load(this.voc.results(unit, period)));
    });
  }

  loadSetup(): void {
    this.tree.load(this.orgUnits.tree());
    this.calendar.load(this.settings.fiscalCalendar());
  }

  protected loadResults(): void {
    const period = this.periodLabel();
    if (period) this.results.load(this.voc.results(this.unitKey(), period));
  }

  protected hasAnswers(results: CxResults): boolean {
    return results.nps.n + results.csat.n + results.ces.n > 0;
  }

  protected navigate(change: { unit?: string; period?: string }): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { unit: change.unit ?? this.unitKey(), period: change.period ?? this.periodLabel() },
      queryParamsHandling: 'merge',
    });
  }
}
