import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import type { Page, SurveyType, VocComment } from '@lodestar/contracts';
import { debounceTime, distinctUntilChanged, Subject } from 'rxjs';
import { formatInteger } from '../shared/format';
import { IconComponent } from '../shared/icon.component';
import { EmptyStateComponent, ErrorStateComponent, LoadingComponent } from '../shared/page-states.component';
import { remoteResource } from '../shared/remote-resource';
import { answerTone, answerToneLabel, SURVEY_INFO, SURVEYS } from './cx-format';
import { CommentFilter, NO_COMMENT_FILTER, VocService } from './voc.service';

const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** The filter with "unhappy only" switched on or off for its survey; switching it on picks NPS if no survey is chosen. */
export function withUnhappyOnly(filter: CommentFilter, unhappy: boolean): CommentFilter {
  if (!unhappy) return { ...filter, maxScore: null };
  const survey = filter.survey ?? 'nps';
  return { ...filter, survey, maxScore: SURVEY_INFO[survey].unhappyMax };
}

/** The filter for another survey; "unhappy only" follows to the new survey's band, and needs a survey. */
export function withSurvey(filter: CommentFilter, survey: SurveyType | null): CommentFilter {
  const unhappy = filter.maxScore !== null;
  if (!survey) return { ...filter, survey: null, maxScore: null };
  return { ...filter, survey, maxScore: unhappy ? SURVEY_INFO[survey].unhappyMax : null };
}

/** What customers wrote, newest first: searchable, by survey, optionally only the unhappy answers. */
@Component({
  selector: 'ls-voc-comments',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatSlideToggleModule,
    MatPaginatorModule,
    IconComponent,
    LoadingComponent,
    EmptyStateComponent,
    ErrorStateComponent,
  ],
  template: `
    <section class="ls-panel" aria-labelledby="comments-title">
      <header class="ls-chart-head">
        <div>
          <h3 id="comments-title">Comments</h3>
          <p class="ls-muted">What customers wrote, newest first</p>
        </div>
      </header>
      <div class="filters" role="search" aria-label="Filter the comments">
        <mat-form-field class="search">
          <mat-label>Search comments, causes and accounts</mat-label>
          <ls-icon matPrefix name="search" class="prefix" />
          <input
            #searchBox
            matInput
            type="search"
            autocomplete="off"
            [value]="filter().search"
            (input)="searchTyped.next(searchBox.value)"
          />
        </mat-form-field>
        <mat-form-field class="survey">
          <mat-label>Survey</mat-label>
          <mat-select [value]="filter().survey ?? 'all'" (valueChange)="chooseSurvey($event)">
            <mat-option value="all">All surveys</mat-option>
            @for (option of surveys; track option) {
              <mat-option [value]="option">{{ surveyInfo[option].short }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-slide-toggle [checked]="filter().maxScore !== null" (change)="setUnhappyOnly($event.checked)">
          Unhappy only
        </mat-slide-toggle>
        @if (filter().survey; as survey) {
          @if (filter().maxScore !== null) {
            <span class="ls-muted hint"
              >{{ surveyInfo[survey].short }} {{ surveyInfo[survey].min }}–{{ filter().maxScore }}</span
            >
          }
        }
      </div>
      @if (comments.loading()) {
        <ls-loading label="Loading comments…" />
      }
      @if (comments.problem(); as failure) {
        <div class="pad">
          <ls-error-state
            title="The comments could not be loaded"
            [detail]="failure.detail"
            [errors]="failure.errors"
            (retry)="load()"
          />
        </div>
      } @else if (comments.value(); as result) {
        <p class="count ls-muted" role="status">{{ countText(result) }}</p>
        @if (result.items.length) {
          <ol class="comments">
            @for (item of result.items; track item.responseId) {
              <li>
                <div class="meta">
                  <span class="score" [attr.data-tone]="tone(item)">
                    {{ surveyInfo[item.survey].short }} {{ item.score }} · {{ toneLabel(item) }}
                  </span>
                  <span>{{ day(item.respondedAt) }}</span>
                  @if (item.account) {
                    <span>{{ item.account }}</span>
                  }
                  <span>{{ unitNames().get(item.orgUnitKey) ?? item.orgUnitKey }}</span>
                  @if (item.cause) {
                    <span class="cause">{{ item.cause }}</span>
                  }
                </div>
                <p class="text">{{ item.comment }}</p>
              </li>
            }
          </ol>
        } @else if (filtered()) {
          <ls-empty-state title="No comments match these filters" icon="search">
            Try other words, another survey, or switch off “Unhappy only”.
          </ls-empty-state>
        } @else {
          <ls-empty-state title="No comments for this unit and period yet" icon="forum">
            Comments appear here once survey answers with a comment are imported for this unit or a unit below
            it.
          </ls-empty-state>
        }
        @if (result.total > pageSizeOptions[0]) {
          <mat-paginator
            [length]="result.total"
            [pageIndex]="page() - 1"
            [pageSize]="pageSize()"
            [pageSizeOptions]="pageSizeOptions"
            (page)="changePage($event)"
            aria-label="Pages of comments"
          />
        }
      }
    </section>
  `,
  styles: `
    :host {
      display: block;
      min-width: 0;
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
      padding: 4px 16px 8px;
    }
    .search {
      flex: 1 1 260px;
    }
    .survey {
      width: 150px;
    }
    .prefix {
      --ls-icon-size: 18px;
      margin: 0 4px 0 10px;
      color: var(--ls-muted);
    }
    .hint {
      font-size: 0.85rem;
    }
    .pad {
      padding: 0 16px 16px;
    }
    .count {
      margin: 0;
      padding: 0 16px 6px;
      font-size: 0.85rem;
    }
    .comments {
      list-style: none;
      margin: 0;
      padding: 0;
      border-top: 1px solid var(--ls-border);
    }
    .comments li {
      padding: 10px 16px;
      border-bottom: 1px solid var(--ls-border);
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 12px;
      font-size: 0.8rem;
      color: var(--ls-muted);
    }
    .score {
      font-weight: 600;
      padding: 1px 8px;
      border-radius: 999px;
      background: var(--mat-sys-surface-container);
      color: var(--mat-sys-on-surface);
    }
    .score[data-tone='bad'] {
      background: var(--ls-bad-container);
      color: var(--ls-bad);
    }
    .score[data-tone='good'] {
      background: var(--ls-ok-container);
      color: var(--ls-ok);
    }
    .cause {
      padding: 1px 8px;
      border-radius: 4px;
      border: 1px solid var(--ls-border);
    }
    .text {
      margin: 4px 0 0;
    }
  `,
})
export class VocCommentsComponent {
  private readonly voc = inject(VocService);

  readonly orgUnit = input.required<string>();
  readonly period = input.required<string>();
  /** Unit names by key, to name the unit an answer is attributed to. */
  readonly unitNames = input<ReadonlyMap<string, string>>(new Map());

  protected readonly surveys = SURVEYS;
  protected readonly surveyInfo = SURVEY_INFO;
  protected readonly pageSizeOptions = [10, 25, 50];
  protected readonly filter = signal<CommentFilter>({ ...NO_COMMENT_FILTER });
  protected readonly page = signal(1);
  protected readonly pageSize = signal(10);
  protected readonly comments = remoteResource<Page<VocComment>>({ clearOnError: true });
  protected readonly filtered = computed(() => {
    const filter = this.filter();
    return filter.survey !== null || filter.maxScore !== null || filter.search.trim() !== '';
  });
  protected readonly searchTyped = new Subject<string>();

  constructor() {
    this.searchTyped
      .pipe(debounceTime(350), distinctUntilChanged(), takeUntilDestroyed(inject(DestroyRef)))
      .subscribe((search) => this.applyFilter({ ...this.filter(), search }));
    effect(() => {
      this.orgUnit();
      this.period();
      untracked(() => {
        this.page.set(1);
        this.load();
      });
    });
  }

  load(): void {
    this.comments.load(
      this.voc.comments(this.orgUnit(), this.period(), this.filter(), this.page(), this.pageSize()),
    );
  }

  protected chooseSurvey(value: SurveyType | 'all'): void {
    this.applyFilter(withSurvey(this.filter(), value === 'all' ? null : value));
  }

  protected setUnhappyOnly(unhappy: boolean): void {
    this.applyFilter(withUnhappyOnly(this.filter(), unhappy));
  }

  protected changePage(event: PageEvent): void {
    this.page.set(event.pageIndex + 1);
    this.pageSize.set(event.pageSize);
    this.load();
  }

  protected countText(result: Page<VocComment>): string {
    const total = `${formatInteger(result.total)} ${result.total === 1 ? 'comment' : 'comments'}`;
    return this.filtered() ? `${total} match the filters` : total;
  }

  protected tone(item: VocComment): string {
    return answerTone(item.survey, item.score);
  }

  protected toneLabel(item: VocComment): string {
    return answerToneLabel(item.survey, item.score);
  }

  protected day(iso: string): string {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : dayFormat.format(date);
  }

  private applyFilter(filter: CommentFilter): void {
    this.filter.set(filter);
    this.page.set(1);
    this.load();
  }
}
