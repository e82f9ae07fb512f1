import { ChangeDetectionStrategy, Component } from '@angular/core';

@Component({
  selector: 'ls-my-incentive-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<h1>My incentive</h1>`,
})
export class MyIncentivePageComponent {}
