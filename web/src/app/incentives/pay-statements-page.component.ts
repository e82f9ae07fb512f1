import { ChangeDetectionStrategy, Component } from '@angular/core';

@Component({
  selector: 'ls-pay-statements-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<h1>Statements and periods</h1>`,
})
export class PayStatementsPageComponent {}
