import { ChangeDetectionStrategy, Component } from '@angular/core';

@Component({
  selector: 'ls-plans-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<h1>Incentive plans</h1>`,
})
export class PlansPageComponent {}
