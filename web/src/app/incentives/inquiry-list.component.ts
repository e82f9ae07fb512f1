import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { INQUIRY_REASON_LABELS, type Inquiry } from '@lodestar/contracts';
import { formatDateTime, MONEY_CURRENCY } from '../shared/format';
import { IconComponent } from '../shared/icon.component';
import { formatSignedMoney, INQUIRY_STATUS_INFO } from './incentive-format';

interface InquiryRow {
  id: string;
  status: Inquiry['status'];
  statusLabel: string;
  icon: (typeof INQUIRY_STATUS_INFO)[Inquiry['status']]['icon'];
  tone: string;
  reason: string;
  raised: string;
  text: string;
  response: string | null;
  answered: string | null;
}

/**
 * The inquiries raised on a statement, newest first, each with its status as a word and an icon — Open,
 * Answered, Adjusted (with the amount carried into the next open quarter) or Rejected — and HR's answer.
 */
@Component({
  selector: 'ls-inquiry-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [IconComponent],
  template: `
    @if (rows().length) {
      <ul class="list" aria-label="Inquiries on this statement">
        @for (row of rows(); track row.id) {
          <li class="inquiry" data-testid="inquiry" [attr.data-status]="row.status">
            <div class="top">
              <span class="ls-status-chip" [attr.data-status]="row.tone" data-testid="inquiry-status">
                <ls-icon [name]="row.icon" />
                <span>{{ row.statusLabel }}</span>
              </span>
              <span class="reason">{{ row.reason }}</span>
              <span class="ls-muted when">raised {{ row.raised }}</span>
            </div>
            <p class="text">{{ row.text }}</p>
            @if (row.response) {
              <div class="response" data-testid="inquiry-response">
                <span class="who ls-muted">{{ row.answered }}</span>
                <p>{{ row.response }}</p>
              </div>
            } @else {
              <p class="ls-muted waiting">Waiting for HR’s answer.</p>
            }
          </li>
        }
      </ul>
    } @else {
      <p class="ls-muted none" data-testid="no-inquiries">No inquiries on this statement.</p>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .list {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 10px;
    }
    .inquiry {
      padding: 10px 12px;
      border: 1px solid var(--ls-border);
      border-radius: 8px;
    }
    .top {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 10px;
    }
    .reason {
      font-weight: 600;
      font-size: 0.9rem;
    }
    .when,
    .who,
    .waiting {
      font-size: 0.8rem;
    }
    .text {
      margin: 6px 0;
      white-space: pre-line;
    }
    .response {
      border-left: 3px solid var(--ls-border);
      padding-left: 10px;
    }
    .response p {
      margin: 2px 0 0;
      white-space: pre-line;
    }
    .waiting,
    .none {
      margin: 0;
    }
  `,
})
export class InquiryListComponent {
  readonly inquiries = input.required<readonly Inquiry[]>();
  readonly currency = input<string>(MONEY_CURRENCY);

  protected readonly rows = computed((): InquiryRow[] =>
    [...this.inquiries()]
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .map((inquiry) => {
        const info = INQUIRY_STATUS_INFO[inquiry.status];
        const statusLabel =
          inquiry.status === 'ADJUSTED' && inquiry.adjustment !== null
            ? `${info.label}: ${formatSignedMoney(inquiry.adjustment, this.currency())}`
            : info.label;
        const answeredBy = inquiry.answeredBy ? `${inquiry.answeredBy.name}, HR` : 'HR';
        return {
          id: inquiry.id,
          status: inquiry.status,
          statusLabel,
          icon: info.icon,
          tone: info.tone,
          reason: INQUIRY_REASON_LABELS[inquiry.reason],
          raised: formatDateTime(inquiry.createdAt),
          text: inquiry.text,
          response: inquiry.response,
          answered: inquiry.answeredAt
            ? `${answeredBy} answered ${formatDateTime(inquiry.answeredAt)}:`
            : `${answeredBy} answered:`,
        };
      }),
  );
}
