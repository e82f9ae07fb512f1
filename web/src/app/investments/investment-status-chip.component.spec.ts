import { TestBed } from '@angular/core/testing';
import { CX_INVESTMENT_STATUSES, type CxInvestmentStatus } from '@lodestar/contracts';
import { InvestmentStatusChipComponent } from './investment-status-chip.component';

function chip(status: CxInvestmentStatus): HTMLElement {
  const fixture = TestBed.createComponent(InvestmentStatusChipComponent);
  fixture.componentRef.setInput('status', status);
  fixture.detectChanges();
  return fixture.nativeElement.querySelector('[data-testid="investment-status"]');
}

describe('the status of a CX investment', () => {
  it('is a word and an icon for every status, never colour alone', () => {
    const words = CX_INVESTMENT_STATUSES.map((status) => {
      const shown = chip(status);
      expect(shown.querySelector('ls-icon svg path')?.getAttribute('d')).toBeTruthy();
      return shown.textContent?.trim();
    });
    expect(words).toEqual(['Proposed', 'Awaiting second approval', 'Approved', 'Rejected', 'Withdrawn']);
  });

  it('is green when approved, red when rejected and amber while the approver is awaited', () => {
    expect(chip('approved').dataset['status']).toBe('green');
    expect(chip('rejected').dataset['status']).toBe('red');
    expect(chip('awaiting_second_approval').dataset['status']).toBe('amber');
    expect(chip('withdrawn').dataset['status']).toBe('neutral');
  });
});
