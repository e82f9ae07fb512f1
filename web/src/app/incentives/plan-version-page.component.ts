import { ChangeDetectionStrategy, Component } from '@angular/core';

@Component({
  selector: 'ls-plan-version-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<h1>Plan version</h1>`,
})
export class PlanVersionPageComponent {}
